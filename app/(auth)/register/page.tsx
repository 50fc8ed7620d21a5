import { AuthPage, authMetadata } from "../auth-page";

export const generateMetadata = authMetadata("register");

export default function RegisterPage() {
  return <AuthPage kind="register" />;
}
