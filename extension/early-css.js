// Hiding before the first paint on sites cleaned automatically. The engine needs the parsed page,
// so without this an ad slot or a consent box would be painted and then vanish. At document_start
// this adopts one constructed stylesheet (the page's CSP does not apply to it) with:
// - only what is certain: ad-network slot markup and consent-platform containers that the engine
//   hides on every page, and the person's own hide rules for the site;
// - a short hold on painting (the page transparent, as the anti-flicker snippets of A/B testing
//   tools do), lifted the moment the engine has marked the clutter and never longer than
//   HOLD_MS after the document started, so a slow page still shows as it parses.
// The engine's marks take over and the sheet is removed.
const DECLUTTER_EARLY_SELECTORS = [
  // Google Publisher Tag, AdSense, AMP, Taboola, Outbrain: the networks' own slot markup.
  'ins.adsbygoogle',
  '[id^="div-gpt-ad"]',
  '[id^="google_ads_iframe"]',
  '[id^="aswift_"]',
  'amp-ad',
  'amp-embed',
  'amp-sticky-ad',
  '[id^="taboola-"]',
  '.trc_related_container',
  '.OUTBRAIN',
  // Consent platforms' banner containers (OneTrust, Cookiebot, Didomi, Quantcast, Sourcepoint).
  '#onetrust-consent-sdk',
  '#CybotCookiebotDialog',
  '#didomi-host',
  '#qc-cmp2-container',
  '[id^="sp_message_container_"]',
];
const DECLUTTER_HOLD_MS = 250;

export function declutterEarlySheet(cleans, site) {
  const selectors = [...(cleans ? DECLUTTER_EARLY_SELECTORS : []), ...site.zaps.map((z) => z.selector)];
  const sheet = new CSSStyleSheet();
  for (const selector of selectors) {
    // One rule each: a selector this browser cannot parse drops only itself.
    try {
      sheet.insertRule(`${selector}{display:none!important}`, sheet.cssRules.length);
    } catch {
      // not a selector here: the engine pass still applies the rule's sanity check
    }
  }
  const hold = new CSSStyleSheet();
  const left = DECLUTTER_HOLD_MS - performance.now();
  if (cleans && left > 0) hold.replaceSync(':root{opacity:0!important}');
  const release = () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== hold);
  };
  const timer = setTimeout(release, Math.max(0, left));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet, hold];
  return {
    remove() {
      clearTimeout(timer);
      release();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
