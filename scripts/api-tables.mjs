// Renders the API of every element in custom-elements.json as Markdown: one table per element with
// its properties and attributes, methods, events, slots, parts and CSS custom properties.
// `scripts/generate.mjs` puts it into README.md between the API markers.

/** One table cell: on one line, with the pipes that would end the cell escaped. */
const cell = (text = '') => text.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|').trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');

function publicMembers(element, kind) {
  return (element.members ?? []).filter(
    (member) => member.kind === kind && !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
  );
}

function rows(element) {
  const rows = [];
  const fields = publicMembers(element, 'field');
  for (const field of fields) {
    const kind = field.readonly ? 'property (read-only)' : field.attribute ? 'property, attribute' : 'property';
    const name = field.attribute && field.attribute !== field.name ? `${code(field.name)}, ${code(field.attribute)}` : code(field.name);
    const type = [code(field.type?.text), field.default ? `default ${code(field.default)}` : ''].filter(Boolean).join(', ');
    rows.push([kind, name, type, cell(field.description)]);
  }
  // Attributes with no property of their own.
  for (const attribute of element.attributes ?? []) {
    if (fields.some((field) => field.name === attribute.fieldName)) continue;
    rows.push(['attribute', code(attribute.name), code(attribute.type?.text), cell(attribute.description)]);
  }
  for (const method of publicMembers(element, 'method')) {
    const parameters = (method.parameters ?? []).map((parameter) => `${parameter.name}: ${parameter.type?.text ?? 'unknown'}`).join(', ');
    rows.push(['method', code(`${method.name}(${parameters})`), code(method.return?.type?.text), cell(method.description)]);
  }
  for (const event of element.events ?? []) rows.push(['event', code(event.name), code(event.type?.text), cell(event.description)]);
  for (const slot of element.slots ?? []) rows.push(['slot', slot.name ? code(slot.name) : '(default)', '', cell(slot.description)]);
  for (const part of element.cssParts ?? []) rows.push(['part', code(part.name), '', cell(part.description)]);
  for (const property of element.cssProperties ?? []) {
    rows.push(['CSS property', code(property.name), property.default ? `default ${code(property.default)}` : '', cell(property.description)]);
  }
  return rows;
}

export function apiTables(manifest) {
  const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
  return elements
    .map((element) => {
      const table = [['kind', 'name', 'type', 'description'], ['---', '---', '---', '---'], ...rows(element)];
      return [
        `### \`<${element.tagName}>\``,
        '',
        cell(element.summary ?? element.description),
        '',
        ...table.map((row) => `| ${row.join(' | ')} |`),
        '',
      ].join('\n');
    })
    .join('\n');
}
