import { AuthPage, authMetadata } from "../auth-page";

export const generateMetadata = authMetadata("login");

export default function LoginPage() {
  return <AuthPage kind="login" />;
}
