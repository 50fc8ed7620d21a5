// Required by the App Router; the baseline serves only /api/ping.
export default function RootLayout({ children }) {
  return children;
}
