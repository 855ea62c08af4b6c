import { TokenForm, type TokenFormProps } from "./token-form";

/** Confirming is a POST behind a button: mail scanners that open the link must not confirm by visiting it. */
export function ConfirmSignupForm(props: Omit<TokenFormProps, "children">) {
  return <TokenForm {...props} />;
}
