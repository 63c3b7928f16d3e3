/**
 * Hostile strings: what a stranger in a meeting can type into a name, a message, a file name or a
 * link. Every payload that would run script sets `window.__pwned` (or calls alert, fetch, …), and
 * every one that would load something asks for a path containing `trap-load`, so the page trap in
 * `traps.ts` notices whichever one gets through.
 *
 * Rule kept by `corpus.test.ts`: a string that is by itself an http(s) or blob URL (which the kit
 * may legitimately link or load) never contains `trap-load`.
 */

/** The scheme payloads, generated in every casing and encoding below. */
const SCHEMES = ['javascript', 'data', 'vbscript'] as const;

const SCHEME_BODY: Record<(typeof SCHEMES)[number], string> = {
  javascript: '__pwned=1',
  data: 'text/html,<script>parent.__pwned=1</script>',
  vbscript: 'msgbox("pwned")',
};

function mixedCase(word: string): string {
  return [...word].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
}

function entities(word: string, hex: boolean): string {
  return [...word].map((c) => (hex ? `&#x${c.charCodeAt(0).toString(16)};` : `&#${c.charCodeAt(0)};`)).join('');
}

/** Every way to spell `scheme:body` that a lax URL check or an HTML parser might still run. */
function schemeVariants(scheme: (typeof SCHEMES)[number]): string[] {
  const body = SCHEME_BODY[scheme];
  const mid = Math.floor(scheme.length / 2);
  const split = (sep: string) => `${scheme.slice(0, mid)}${sep}${scheme.slice(mid)}:${body}`;
  return [
    `${scheme}:${body}`,
    `${scheme.toUpperCase()}:${body}`,
    `${mixedCase(scheme)}:${body}`,
    ` ${scheme}:${body}`,
    `\t${scheme}:${body}`,
    `\n${scheme}:${body}`,
    `\u0000${scheme}:${body}`,
    `\u0001\u001f${scheme}:${body}`,
    `\u00a0${scheme}:${body}`,
    `\u200b${scheme}:${body}`,
    `\ufeff${scheme}:${body}`,
    split('\t'),
    `${scheme.slice(0, 4)}\t${scheme.slice(4)}:${body}`,
    split('\n'),
    split('\r'),
    split('\u0000'),
    split('&#x09;'),
    split('&Tab;'),
    `${entities(scheme, false)}:${body}`,
    `${entities(scheme, true)}:${body}`,
    `&#0000${scheme.charCodeAt(0)};${scheme.slice(1)}:${body}`,
    `${scheme}&colon;${body}`,
    `${scheme}&#58;${body}`,
    `%${scheme.charCodeAt(0).toString(16)}${scheme.slice(1)}:${body}`,
    `${scheme}%3A${body}`,
    `${scheme}\u0000:${body}`,
    `${scheme} :${body}`,
    `<a href="${scheme}:${body}">click</a>`,
    `<img src="${scheme}:${body}">`,
  ];
}

const URLS = [
  ...SCHEMES.flatMap(schemeVariants),
  'javascript://%0a__pwned=1',
  'javascript://https://ok.invalid/%0a__pwned=1',
  'javascript:/*https://ok.invalid*/__pwned=1',
  'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=__pwned=1 )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=__pwned=1//>\\x3e',
  'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+',
  'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="__pwned=1"/>',
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'file:///etc/passwd',
  'ftp://ok.invalid/file.txt',
  'ws://ok.invalid/socket',
  'about:blank',
  'chrome://settings',
  'intent://pwned#Intent;scheme=http;end',
  'view-source:https://ok.invalid/',
  'filesystem:https://ok.invalid/temporary/x',
  'mailto:a@ok.invalid?body=pwned',
  'blob:javascript:__pwned=1',
  '//trap.invalid/trap-load.png',
  '/\\trap.invalid/trap-load.png',
  '\\\\trap.invalid\\trap-load',
  '/trap-load.png',
  '../trap-load.png',
  'https://ok.invalid/a.png" onerror="__pwned=1',
  "https://ok.invalid/a.png' onerror='__pwned=1",
  'https://ok.invalid/"><script>__pwned=1</script>',
  'http://ok.invalid/<img src=x onerror=__pwned=1>',
  'https://ok.invalid/#javascript:__pwned=1',
  'https://ok.invalid/?q="onmouseover=__pwned=1"',
  'https://user:pass@ok.invalid/',
  'https:ok.invalid/no-slashes.png',
  'https://ok.invalid/\u202egnp.exe',
  'see https://ok.invalid/a and javascript:__pwned=1 and data:text/html,x',
];

const MARKUP = [
  '<script>window.__pwned=1</script>',
  '<SCRIPT SRC=/trap-load.js></SCRIPT>',
  '<script/x>__pwned=1</script>',
  '<scr<script>ipt>__pwned=1</scr</script>ipt>',
  '</script><script>__pwned=1</script>',
  '"><script>__pwned=1</script>',
  "'><script>__pwned=1</script>",
  '<script type="module">window.__pwned=1</script>',
  '<img src=x onerror=__pwned=1>',
  '<img src="/trap-load.png" onerror="alert(1)">',
  '<img src=x oNeRrOr=__pwned=1>',
  '<img/src/onerror=__pwned=1>',
  '<img src=x onerror=&#x5f;&#x5f;pwned=1>',
  '<img srcset="/trap-load.png 1x">',
  '<image src=x onerror=__pwned=1>',
  '<svg onload=__pwned=1>',
  '<svg/onload=__pwned=1>',
  '<svg><script>__pwned=1</script></svg>',
  '<svg><animate onbegin=__pwned=1 attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:__pwned=1"><text x="20" y="20">click</text></a></svg>',
  '<svg><set attributeName="href" to="javascript:__pwned=1"/></svg>',
  '<svg><foreignObject><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe></foreignObject></svg>',
  '<svg><style>@import "/trap-load.css";</style></svg>',
  '<math href="javascript:__pwned=1">CLICK</math>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__pwned=1>',
  '<math><maction actiontype="statusline" xlink:href="javascript:__pwned=1">x</maction></math>',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=__pwned=1 src>">',
  '<noscript><p title="</noscript><img src=x onerror=__pwned=1>">',
  '<iframe src="javascript:parent.__pwned=1"></iframe>',
  '<iframe srcdoc="&lt;script&gt;parent.__pwned=1&lt;/script&gt;"></iframe>',
  '<object data="javascript:__pwned=1"></object>',
  '<embed src="/trap-load.swf">',
  '<base href="/trap-load/">',
  '<link rel="stylesheet" href="/trap-load.css">',
  '<meta http-equiv="refresh" content="0;url=javascript:__pwned=1">',
  '<style>@import url(/trap-load.css); *{display:none}</style>',
  '<div style="background:url(/trap-load.png)">x</div>',
  '<div style="width:expression(__pwned=1)">x</div>',
  '<x onclick=__pwned=1 style="position:fixed;inset:0;display:block">cover</x>',
  '<details open ontoggle=__pwned=1>',
  '<video><source onerror=__pwned=1></video>',
  '<audio src=x onerror=__pwned=1>',
  '<input autofocus onfocus=__pwned=1>',
  '<body onload=__pwned=1>',
  '<marquee onstart=__pwned=1>x</marquee>',
  '<xss id=x tabindex=1 onfocusin=__pwned=1></xss>',
  '<div popover id=p>pop</div><button popovertarget=p>open</button>',
  '<dialog open>modal</dialog>',
  '<template shadowrootmode="open"><img src=x onerror=__pwned=1></template>',
  '<div><template shadowrootmode="open"><script>__pwned=1</script></template></div>',
  '<form action="javascript:__pwned=1"><button>go</button></form>',
  '<a href="javascript:__pwned=1">harmless</a>',
  '<a href="/trap-load" target="_blank">tab-napping</a>',
  '<isindex type=image src=1 onerror=__pwned=1>',
  '<slot name="header-actions"></slot>',
  '<rtk-chat-message></rtk-chat-message>',
  '<rtk-chat></rtk-chat>',
  '" onmouseover="__pwned=1',
  "' onfocus='__pwned=1' autofocus '",
  'x" autofocus onfocus="__pwned=1" x="',
  '" style="position:fixed;inset:0" onclick="__pwned=1',
  'javascript:/*--></title></style></textarea></script></xmp><svg/onload=\'+/"/+/onmouseover=1/+/[*/[]/+__pwned=1//\'>',
];

const BROKEN = [
  '<', '>', '<<>>', '</', '<!--', '-->', '<!-- unclosed comment',
  '<![CDATA[<script>__pwned=1</script>]]>', '<?xml version="1.0"?><x/>', '<!DOCTYPE html>',
  '</div></div></div></article></section></li></ul>', '<div', '<img src="', '"\'><', '&',
  '&amp;lt;script&amp;gt;__pwned=1&amp;lt;/script&amp;gt;', '&lt;script&gt;__pwned=1&lt;/script&gt;',
  '&#60;script&#62;__pwned=1&#60;/script&#62;', '</textarea><script>__pwned=1</script>',
  '</style><script>__pwned=1</script>', '</title><script>__pwned=1</script>', '<plaintext>',
  '<xmp><script>__pwned=1</script></xmp>', '<table><td><tr>', '<b><i>unbalanced</b></i>',
];

const TEMPLATES = [
  '${window.__pwned=1}', '`${__pwned=1}`', '${alert(1)}',
  '{{constructor.constructor("__pwned=1")()}}', '{{7*7}}', '#{7*7}', '<%= 7*7 %>', '[[7*7]]',
  'lit$123$', '<!--?lit$123$-->', '?lit$123$', '<?lit$123$>', 'lit$123$:', '<div lit$123$=x>',
  '<!--?lit$1234567890$--><img src=x onerror=__pwned=1>', '<input .value=${__pwned=1}>',
  '<button @click=${()=>__pwned=1}>x</button>', '<input ?disabled=${x}>', '__proto__', 'constructor',
  'toString', '{"__proto__":{"polluted":1}}',
];

const UNICODE = [
  'Alice\u202e',
  '\u202egnp.exe',
  'invoice\u202egpj.exe',
  '\u202dforced ltr\u202c',
  '\u2066isolate\u2069 \u2067rtl\u2069 \u2068first\u2069',
  '\u200f\u200e\u061c marks',
  'admin\u202e \u2066',
  'שלום עולם',
  'مرحبا بالعالم',
  'mixed עברית and English 123',
  'zero\u200bwidth\u200cnon\u200djoiner\ufeff\u2060',
  '\u200b',
  '\u3164',
  '\u115f\u1160',
  '\u2800\u2800',
  'Z' + '\u0336\u0301\u0300\u0334\u0315\u035c\u0361'.repeat(30),
  'a' + '\u0301'.repeat(500),
  '\u0000\u0007\u0008\u001b[31mred\u001b[0m',
  '\ud800 lone high',
  'lone low \udfff',
  '👨‍👩‍👧‍👦🏳️‍🌈🇺🇳',
  'line\u2028separator\u2029paragraph',
  '\u{e0041}\u{e0042} tags',
  '﷽'.repeat(40),
  '꧅'.repeat(40),
  '\n'.repeat(200),
  ' '.repeat(300),
  '\t\t\t',
  'A'.repeat(100_000),
  '<b>'.repeat(20_000),
  `https://ok.invalid/${'a'.repeat(20_000)}`,
];

const SPREADSHEET = [
  '=1+2', '+1', '-1', '@SUM(1)', '\t=1', '\r=1', '=HYPERLINK("https://trap.invalid/pwned","click")',
  "=cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", '@cmd', "'=1", "''=1", ' =1', '\n=1', 'a;=1+1',
  'a\t=1+1', '=1,=2', '"=1"', '＝1+1', 'DDE("cmd";"/C calc";"!A0")',
];

/** At least 200 hostile strings, each once. */
export const CORPUS: readonly string[] = [...new Set([...URLS, ...MARKUP, ...BROKEN, ...TEMPLATES, ...UNICODE, ...SPREADSHEET])];

/** The 100 kB word: must wrap, and nothing may grow past the panel. */
export const HUGE_WORD = 'A'.repeat(100_000);

/** Payloads built from the page's own Lit marker (`lit$123…$`), which a static list cannot know. */
export function litMarkerPayloads(marker: string): string[] {
  return [
    marker,
    `<!--?${marker}-->`,
    `?${marker}`,
    `<div ${marker}=x onclick=__pwned=1>`,
    `<!--?${marker}--><img src=x onerror=__pwned=1>`,
    `${marker}:${marker}`,
    `<img src=x ${marker}onerror=__pwned=1>`,
  ];
}

/** The first Lit part marker found in the rendered tree under `root`, e.g. `lit$112952692$`. */
export function findLitMarker(root: Node): string | undefined {
  const walk = (node: Node): string | undefined => {
    if (node.nodeType === Node.COMMENT_NODE) {
      const match = /^\?(lit\$\d+\$)$/.exec((node as Comment).data);
      if (match) return match[1];
    }
    if (node instanceof Element && node.shadowRoot) {
      const found = walk(node.shadowRoot);
      if (found) return found;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const found = walk(child);
      if (found) return found;
    }
    return undefined;
  };
  return walk(root);
}
