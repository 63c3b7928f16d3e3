import { expect } from '@open-wc/testing';
import { html } from 'lit';

import { renderCustomMessage } from '../../src/custom-message/custom-message.js';
import { customMessage, type CustomMessageOptions } from '../../src/custom-message/custom-message-part.js';
import { renderRichText } from '../../src/format/rich-text.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import { defaultStrings } from '../../src/strings/strings.js';
import { CORPUS } from '../hardening/corpus.js';
import { guarded } from '../hardening/traps.js';
import { waitFor } from '../helpers.js';
import { auditConversation, renderInHost, testLink } from '../format/rich-text-support.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const options: CustomMessageOptions = {
  strings: defaultStrings,
  locale: 'en-US',
  renderText: (text) => renderRichText(text, { renderLink: testLink }).template,
  media: { policy: 'auto', origins: [], loadAnyway: false },
  onLoadMedia: () => {},
};

function custom(fields: Partial<ChatMessage>): ChatMessage {
  return { id: `c-${Math.random()}`, type: 'custom', userId: 'u', displayName: 'Bot', time: new Date(), ...fields };
}

/** Waits until the sanitiser has loaded: after that, html renders at once. */
async function sanitizerLoaded(): Promise<void> {
  const host = await renderInHost(renderCustomMessage(custom({ html: '<b>ready</b>' }), options));
  await waitFor(() => host.shadowRoot!.querySelector('.custom-html b'), 'the sanitiser loads');
}

/** The bubble showing `message` as an element would (through `customMessage`), its html sanitised. */
async function show(message: ChatMessage, extra: Partial<CustomMessageOptions> = {}) {
  await sanitizerLoaded();
  const host = await renderInHost(customMessage(message, { ...options, ...extra }));
  await waitFor(() => host.shadowRoot!.querySelector('.bubble')!.children.length > 0, 'the message shows');
  return { host, bubble: host.shadowRoot!.querySelector('.bubble')! };
}

describe('renderCustomMessage', () => {
  it('shows the text, then the html, then images, videos and files', async () => {
    const { bubble } = await show(
      custom({
        message: 'Poll *closed*',
        html: '<p>Result: <b>yes</b></p>',
        images: [{ link: 'https://example.com/a.png', name: 'chart.png' }],
        videos: [{ link: 'https://example.com/a.mp4', name: 'clip.mp4' }],
        files: [{ link: 'https://example.com/r.pdf', name: 'results.pdf', size: 2048 }],
      }),
    );
    // The styles came with the renderer, added to the element's own.
    expect(getComputedStyle(bubble.querySelector('.custom')!).display).to.equal('flex');
    const order = [...bubble.querySelector('.custom')!.children].map((child) => child.className || child.localName);
    expect(order).to.deep.equal(['text', 'custom-html', 'custom-image', 'custom-media custom-video', 'fallback', 'file']);
    expect(bubble.querySelector('.text b')!.textContent).to.equal('closed');
    expect(bubble.querySelector('.custom-html b')!.textContent).to.equal('yes');
    const img = bubble.querySelector('img')!;
    expect([img.getAttribute('src'), img.alt, img.getAttribute('loading')]).to.deep.equal(['https://example.com/a.png', 'chart.png', 'lazy']);
    const video = bubble.querySelector('video')!;
    expect([video.getAttribute('src'), video.getAttribute('preload'), video.hasAttribute('controls'), video.getAttribute('aria-label')]).to.deep.equal(['https://example.com/a.mp4', 'none', true, 'clip.mp4']);
    const file = bubble.querySelector<HTMLAnchorElement>('.file-name')!;
    expect([file.getAttribute('href'), file.textContent, bubble.querySelector('.file-size')!.textContent]).to.deep.equal(['https://example.com/r.pdf', 'results.pdf', '2 kB']);
  });

  it('sanitises the html: no script, handlers, forms, frames, styles, classes, ids or unsafe URLs', async () => {
    const { bubble, host } = await show(
      custom({
        html: [
          '<b>kept</b><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1">',
          '<a href="javascript:alert(1)">js</a><a href="https://example.com/ok" onclick="x()">ok</a><a href="/relative">rel</a>',
          '<form action="https://evil.test"><input name="password"><button>Go</button></form>',
          '<iframe src="https://evil.test"></iframe><object data="x"></object><embed src="x"><svg><script>1</script></svg>',
          '<div style="position:fixed;inset:0;background:red" class="bubble action" id="status">overlay</div>',
          '<style>:host{display:none}</style><img src="data:image/png;base64,AAAA"><img srcset="https://evil.test/a.png 1x" src="https://example.com/i.png">',
          '<video src="https://example.com/v.mp4" autoplay></video><math><mi>x</mi></math><!-- comment --><details open>d</details>',
        ].join(''),
      }),
    );
    const markup = bubble.querySelector('.custom-html')!;
    expect(markup.querySelector('b')!.textContent).to.equal('kept');
    expect(markup.querySelectorAll('script, form, input, button, iframe, object, embed, svg, style, video, math, details')).to.have.length(0);
    expect(markup.querySelectorAll('[style], [class], [id], [onclick], [onerror], [srcset], [name], [action]')).to.have.length(0);
    const links = [...markup.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([null, 'https://example.com/ok', null]);
    expect([links[1].getAttribute('target'), links[1].getAttribute('rel')]).to.deep.equal(['_blank', 'noopener noreferrer']);
    expect([...markup.querySelectorAll('img')].map((img) => img.getAttribute('src'))).to.deep.equal([null, null, 'https://example.com/i.png']);
    expect(markup.querySelector('img[src]')!.getAttribute('loading')).to.equal('lazy');
    expect([...markup.childNodes].some((node) => node.nodeType === Node.COMMENT_NODE && node.textContent!.includes('comment'))).to.equal(false);
    expect(auditConversation(host)).to.deep.equal([]);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('keeps the html inside the bubble: no overlays, huge images or wide tables escape it', async () => {
    const { bubble } = await show(custom({ html: `<img width="5000" height="5000" src="data:x"><table><tr>${'<td>cell</td>'.repeat(80)}</tr></table><h1>Huge</h1><pre>${'x'.repeat(500)}</pre>` }));
    const box = bubble.getBoundingClientRect();
    // What is wider scrolls inside its own box (the table, the pre): those boxes stay in the bubble.
    for (const element of bubble.querySelectorAll('.custom-html > *')) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0) continue;
      expect(rect.right, element.localName).to.be.at.most(box.right + 1);
    }
    expect(getComputedStyle(bubble.querySelector('h1')!).fontSize).to.equal(getComputedStyle(bubble).fontSize);
  });

  it('applies the image and file URL rules to attachments', async () => {
    const blob = URL.createObjectURL(new Blob([Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const { bubble } = await show(
      custom({
        images: [{ link: blob }, { link: 'javascript:alert(1)' }, { link: `data:image/png;base64,${PNG}` }],
        videos: [{ link: 'vbscript:x' }],
        files: [{ link: 'javascript:alert(1)', name: 'evil\u202egpj.exe' }],
      }),
    );
    expect([...bubble.querySelectorAll('img')].map((img) => img.getAttribute('src'))).to.deep.equal([blob]);
    expect(bubble.querySelector('img')!.alt).to.equal('Image');
    expect([...bubble.querySelectorAll('.fallback')].filter((f) => !(f as HTMLElement).hidden).map((f) => f.textContent)).to.deep.equal(['Image unavailable', 'Image unavailable', 'Video unavailable']);
    expect(bubble.querySelector('video')).to.equal(null);
    expect(bubble.querySelector('.file a')).to.equal(null);
    expect(bubble.querySelector('.file-name')!.textContent).to.equal('evilgpj.exe');
  });

  it('shows a picture that fails to load as words', async () => {
    const { bubble } = await show(custom({ images: [{ link: `${location.origin}/missing-picture.png` }] }));
    await waitFor(() => (bubble.querySelector('img') as HTMLElement).hidden, 'the broken picture is hidden');
    expect((bubble.querySelector('.custom-image .fallback') as HTMLElement).hidden).to.equal(false);
  });

  it('falls back to "Custom message" when there is nothing to show', async () => {
    const { bubble } = await show(custom({ message: '  ', html: '', images: [], files: [] }));
    expect(bubble.textContent).to.equal('Custom message');
  });

  it('lets the app render its own payloads, and the kit the rest', async () => {
    const renderCustom = (message: ChatMessage) => (message.message?.startsWith('poll:') ? html`<div class="item">Poll: ${message.message.slice(5)}</div>` : undefined);
    const poll = await show(custom({ message: 'poll:Lunch?', html: '<script>1</script>' }), { renderCustom });
    expect(poll.bubble.children).to.have.length(1);
    expect(poll.bubble.querySelector('.item')!.textContent).to.equal('Poll: Lunch?');
    expect(poll.bubble.querySelector('.custom')).to.equal(null);
    const other = await show(custom({ message: 'plain' }), { renderCustom });
    expect(other.bubble.querySelector('.text')!.textContent).to.equal('plain');
  });

  guarded('sanitises the hostile corpus as html, text and attachment links: nothing runs or loads', async () => {
    const content = CORPUS.map((value) => renderCustomMessage(custom({ message: value, html: value, images: [{ link: value, name: value }], videos: [{ link: value }], files: [{ link: value, name: value }] }), options));
    await sanitizerLoaded();
    const host = await renderInHost(content);
    expect(auditConversation(host)).to.deep.equal([]);
    // Markup in the corpus came through as sanitised elements, not as text or as nothing at all.
    const markup = [...host.shadowRoot!.querySelectorAll('.custom-html')];
    expect(markup.filter((element) => element.querySelector('b, i, a, img, p'))).to.have.length.above(5);
  }, 60_000);
});
