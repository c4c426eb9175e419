// A credit level as residents know it from marketplaces: "heart:3" → ♥♥♥, "diamond:2" → ◆◆; no level yet → the fallback.
export function levelSymbols(level, fallback = "") {
  const [kind, count] = (level ?? "").split(":");
  return count ? (kind === "heart" ? "♥" : "◆").repeat(Number(count)) : fallback;
}
