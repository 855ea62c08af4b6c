import { CredentialsSignin } from "next-auth";
import type { LoginFailureCode } from "@/lib/domain/auth/authenticate";

/** Carries the domain's failure code through Auth.js so the login action can show the right message. */
export class LoginRefused extends CredentialsSignin {
  constructor(public readonly reason: LoginFailureCode) {
    super(reason);
    this.code = reason;
  }
}
