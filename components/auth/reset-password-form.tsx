import { TextField } from "@/components/ui/field";
import { TokenForm, type TokenFormProps } from "./token-form";

interface Props extends Omit<TokenFormProps, "labels" | "children"> {
  minLength: number;
  labels: { password: string; confirm: string; hint: string; submit: string; toLogin: string };
}

export function ResetPasswordForm({ minLength, labels, ...form }: Props) {
  return (
    <TokenForm {...form} labels={labels}>
      <TextField label={labels.password} name="password" type="password" autoComplete="new-password" minLength={minLength} hint={labels.hint} required />
      <TextField label={labels.confirm} name="confirm" type="password" autoComplete="new-password" minLength={minLength} required />
    </TokenForm>
  );
}
