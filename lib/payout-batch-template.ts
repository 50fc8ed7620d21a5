// The batch payout file's template (issue 15): its columns in order and two example rows. Shared
// by the server's file reader and the portal's "Download template" button.
export const PAYOUT_TEMPLATE_COLUMNS = ["amount", "method", "account_number", "account_name", "note", "reference"] as const;

export const PAYOUT_TEMPLATE_FILE_NAME = "saldo-batch-payout-template.csv";

export const PAYOUT_TEMPLATE_CSV = [
  PAYOUT_TEMPLATE_COLUMNS.join(","),
  "100000,dana,081234567890,Budi Santoso,Komisi Januari,INV-001",
  "250000,bca,1234567890,Siti Aminah,Refund pesanan,",
  "",
].join("\r\n");
