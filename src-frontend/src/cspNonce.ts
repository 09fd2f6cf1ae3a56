// The gateway's Content-Security-Policy allows no inline script, and inline <style> elements only with
// this page's nonce (gateway/README.md, "Security headers"). The dialogs' scroll lock
// (react-remove-scroll, inside Radix) injects one and takes its nonce from __webpack_nonce__; the gateway
// writes the nonce into index.html's csp-nonce meta for every page it serves.
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
if (nonce && nonce !== '__CSP_NONCE__') {
  (globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = nonce;
}

export {};
