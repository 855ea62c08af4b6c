import { test as setup } from "@playwright/test";
import { DEMO_PASSWORD, USERS, storageStateOf } from "./fixtures";
import { LoginPage } from "./pages/login-page";

// One login per role, saved as storage state; the specs start already logged in.
for (const role of ["admin", "member"] as const) {
  setup(`log in as ${role}`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(USERS[role].email, DEMO_PASSWORD);
    await login.expectLoggedIn();
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
