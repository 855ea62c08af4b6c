import type { MetadataRoute } from "next";
import { getSpace } from "@/lib/web/space";

// The saved space name wins everywhere, the home screen too: rendered per request, never at build time.
export const dynamic = "force-dynamic";

/** The web app manifest (/manifest.webmanifest): members put the space on their phone's home screen. */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const { name } = await getSpace();
  return {
    name,
    short_name: name.length > 12 ? name.slice(0, 12).trimEnd() : name,
    start_url: "/home",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#1e293b",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
