/**
 * Puts text into a text box as if typed: it replaces `start`…`end` (the selection by default),
 * leaves the caret after it, fires `input` (so the box's owner sees the new value) and, where the
 * browser still allows it, joins the undo history, so Ctrl+Z takes the insertion back.
 */
export function insertText(box: HTMLTextAreaElement | HTMLInputElement, text: string, start = box.selectionStart ?? box.value.length, end = box.selectionEnd ?? start): void {
  box.focus();
  box.setSelectionRange(start, end);
  // `execCommand` is deprecated but the only way into the undo stack; it fires `input` itself.
  if (box.ownerDocument.execCommand?.('insertText', false, text)) return;
  box.setRangeText(text, start, end, 'end');
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}
