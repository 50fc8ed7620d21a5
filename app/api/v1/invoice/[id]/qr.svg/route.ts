import { qrImageRoute } from "../qr-image-route";

export const GET = qrImageRoute("svg");
