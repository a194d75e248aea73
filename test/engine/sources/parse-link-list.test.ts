import { describe, expect, it } from 'vitest';
import { listFormatFromName, parseLinkList } from '../../../electron/engine/sources/parse-link-list';

const lines = (...rows: string[]) => rows.join('\n');

describe('choosing a list format from the file name', () => {
  it.each([
    ['links.txt', 'text'],
    ['LINKS.TXT', 'text'],
    ['batch.list', 'text'],
    ['export.csv', 'csv'],
    ['export.json', 'json'],
    ['export.ndjson', 'ndjson'],
    ['/home/me/export.jsonl', 'ndjson'],
    ['C:\\lists\\Export.CSV', 'csv'],
    ['export.xlsx', undefined],
    ['README', undefined],
    ['/home/me/lists.d/links', undefined],
  ])('%s is %s', async (fileName, format) => {
    expect(listFormatFromName(fileName)).toBe(format);
  });
});

describe('detecting a list format from its content', () => {
  it.each([
    ['[{"url": "https://a.test/1.mp4"}]', 'json'],
    ['\n\n   [\n"https://a.test/1.mp4"]', 'json'],
    ['{"url": "https://a.test/1.mp4"}\n{"url": "https://a.test/2.mp4"}', 'ndjson'],
    ['\n  {"url": "https://a.test/1.mp4"}', 'ndjson'],
    ['url,name\nhttps://a.test/1.mp4,One', 'csv'],
    ['name, URL \nOne,https://a.test/1.mp4', 'csv'],
    ['"name","url"\n"One","https://a.test/1.mp4"', 'csv'],
    ['url\nhttps://a.test/1.mp4', 'csv'],
    ['https://a.test/1.mp4\nhttps://a.test/2.mp4', 'text'],
    ['# my links\nhttps://a.test/1.mp4', 'text'],
    ['urls,name\nhttps://a.test/1.mp4,One', 'text'],
    ['', 'text'],
  ])('%j is %s', async (text, format) => {
    expect((await parseLinkList(text)).format).toBe(format);
  });

  it('uses the format it is given over what the content looks like', async () => {
    const list = await parseLinkList('url\nhttps://a.test/1.mp4', 'text');
    expect(list.format).toBe('text');
    expect(list.entries.map((e) => e.url)).toEqual(['url', 'https://a.test/1.mp4']);
  });

  it.each([
    ['text', '\uFEFFhttps://a.test/1.mp4\nhttps://a.test/2.mp4'],
    ['csv', '\uFEFFurl,name\nhttps://a.test/1.mp4,One\nhttps://a.test/2.mp4,Two'],
    ['json', '\uFEFF[\n"https://a.test/1.mp4",\n"https://a.test/2.mp4"\n]'],
    ['ndjson', '\uFEFF{"url": "https://a.test/1.mp4"}\n{"url": "https://a.test/2.mp4"}'],
  ])('strips a byte order mark before reading %s', async (format, text) => {
    const list = await parseLinkList(text);
    expect(list.format).toBe(format);
    expect(list.invalid).toEqual([]);
    expect(list.entries.map((e) => e.url)).toEqual(['https://a.test/1.mp4', 'https://a.test/2.mp4']);
    expect(list.entries[0]!.line).toBe(format === 'json' || format === 'csv' ? 2 : 1);
  });
});

describe('text lists', () => {
  it('reads one link a line, skipping blank lines and comments, and keeps line numbers', async () => {
    const text = lines('# Spring batch', '', 'https://a.test/1.mp4', '   https://a.test/2.mp4  ', '  # later', '\t');
    expect(await parseLinkList(text + '\nhttps://a.test/3.mp4\n')).toEqual({
      format: 'text',
      entries: [
        { line: 3, url: 'https://a.test/1.mp4' },
        { line: 4, url: 'https://a.test/2.mp4' },
        { line: 7, url: 'https://a.test/3.mp4' },
      ],
      invalid: [],
    });
  });

  it('reads Windows line endings', async () => {
    const list = await parseLinkList('https://a.test/1.mp4\r\n\r\nhttps://a.test/2.mp4\r\n');
    expect(list.entries).toEqual([
      { line: 1, url: 'https://a.test/1.mp4' },
      { line: 3, url: 'https://a.test/2.mp4' },
    ]);
  });

  it('rejects a line holding more than one word', async () => {
    const list = await parseLinkList(lines('https://a.test/1.mp4', 'https://a.test/2.mp4 https://a.test/3.mp4', 'x'));
    expect(list.entries.map((e) => e.line)).toEqual([1, 3]);
    expect(list.invalid).toEqual([
      {
        line: 2,
        text: 'https://a.test/2.mp4 https://a.test/3.mp4',
        reason: expect.stringContaining('a line holds one link'),
      },
    ]);
  });

  it('cuts the text of a problem to 200 characters', async () => {
    const long = `https://a.test/${'x'.repeat(300)} more`;
    expect((await parseLinkList(long)).invalid[0]!.text).toBe(long.slice(0, 200));
  });
});

describe('CSV lists', () => {
  it('reads url, name, headers and meta columns with line numbers', async () => {
    const text = lines(
      'url,name,headers,meta.show,meta.Season,notes',
      'https://a.test/1.mp4,Pilot,"{""Authorization"": ""Bearer t""}",Orbit,1,ignored',
      '',
      'https://a.test/2.mp4,,,Orbit,,',
    );
    expect(await parseLinkList(text)).toEqual({
      format: 'csv',
      entries: [
        {
          line: 2,
          url: 'https://a.test/1.mp4',
          name: 'Pilot',
          headers: { Authorization: 'Bearer t' },
          meta: { show: 'Orbit', Season: '1' },
        },
        { line: 4, url: 'https://a.test/2.mp4', meta: { show: 'Orbit' } },
      ],
      invalid: [],
    });
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks, and counts lines after them', async () => {
    const text = lines(
      'url,name',
      'https://a.test/1.mp4,"Hello, world"',
      'https://a.test/2.mp4,"The ""best"" take"',
      'https://a.test/3.mp4,"Line one',
      'line two',
      'line three"',
      'https://a.test/4.mp4,After',
      '"https://a.test/5.mp4","Quoted url"',
    );
    const list = await parseLinkList(text);
    expect(list.invalid).toEqual([]);
    expect(list.entries).toEqual([
      { line: 2, url: 'https://a.test/1.mp4', name: 'Hello, world' },
      { line: 3, url: 'https://a.test/2.mp4', name: 'The "best" take' },
      { line: 4, url: 'https://a.test/3.mp4', name: 'Line one\nline two\nline three' },
      { line: 7, url: 'https://a.test/4.mp4', name: 'After' },
      { line: 8, url: 'https://a.test/5.mp4', name: 'Quoted url' },
    ]);
  });

  it('counts lines the same with Windows line endings and text that is not ASCII', async () => {
    const text = ['URL,Name', 'https://a.test/1.mp4,"Café, été', 'ünïcödé"', '', 'https://a.test/2.mp4,日本'].join(
      '\r\n',
    );
    const list = await parseLinkList(text);
    expect(list.entries).toEqual([
      { line: 2, url: 'https://a.test/1.mp4', name: 'Café, été\r\nünïcödé' },
      { line: 5, url: 'https://a.test/2.mp4', name: '日本' },
    ]);
  });

  it('skips rows whose cells are all empty', async () => {
    const list = await parseLinkList(lines('url,name', ',', 'https://a.test/1.mp4,One', ' , '));
    expect(list.entries).toEqual([{ line: 3, url: 'https://a.test/1.mp4', name: 'One' }]);
    expect(list.invalid).toEqual([]);
  });

  it('reports a row with no url', async () => {
    const list = await parseLinkList(lines('url,name', ',Orphan', 'https://a.test/1.mp4,One'));
    expect(list.entries.map((e) => e.line)).toEqual([3]);
    expect(list.invalid).toEqual([{ line: 2, text: ',Orphan', reason: expect.stringMatching(/^no url/) }]);
  });

  it('reports headers that are not JSON, or name a bad header', async () => {
    const text = lines(
      'url,headers',
      'https://a.test/1.mp4,Authorization: Bearer t',
      'https://a.test/2.mp4,"{""Bad Header"": ""x""}"',
      'https://a.test/3.mp4,"{""X-Ok"": ""1""}"',
    );
    const list = await parseLinkList(text);
    expect(list.entries).toEqual([{ line: 4, url: 'https://a.test/3.mp4', headers: { 'X-Ok': '1' } }]);
    expect(list.invalid.map((p) => [p.line, p.reason])).toEqual([
      [2, 'headers must be a JSON object of "Name": "value" pairs'],
      [3, expect.stringContaining('header "Bad Header" is not a valid HTTP header name')],
    ]);
  });

  it('refuses a file with no url column as a whole', async () => {
    const list = await parseLinkList(lines('link,name', 'https://a.test/1.mp4,One'), 'csv');
    expect(list).toEqual({
      format: 'csv',
      entries: [],
      invalid: [{ line: 1, text: 'link,name', reason: expect.stringContaining('no "url" column') }],
    });
  });

  it.each([
    ['an empty file', '', 1, ''],
    ['a file that starts after blank lines', '\n\nname\nOne', 3, 'name'],
  ])('refuses %s with no header row', async (_, text, line, shown) => {
    expect((await parseLinkList(text, 'csv')).invalid).toEqual([
      { line, text: shown, reason: expect.stringContaining('no "url" column') },
    ]);
  });

  it('reads a file holding only its header as an empty list', async () => {
    expect(await parseLinkList('url,name\n')).toEqual({ format: 'csv', entries: [], invalid: [] });
  });

  it('keeps the rows before a quote that is never closed and names the line it opens on', async () => {
    const list = await parseLinkList(lines('url,name', 'https://a.test/1.mp4,One', 'https://a.test/2.mp4,"Two', 'x,y'));
    expect(list.entries).toEqual([{ line: 2, url: 'https://a.test/1.mp4', name: 'One' }]);
    expect(list.invalid).toEqual([
      {
        line: 3,
        text: 'https://a.test/2.mp4,"Two',
        reason: expect.stringContaining('a quoted field is not closed properly'),
      },
    ]);
  });
});

describe('JSON lists', () => {
  it('reads objects and bare strings, with the line each element starts on', async () => {
    const text = lines(
      '[',
      '  "https://a.test/1.mp4",',
      '  {',
      '    "url": "https://a.test/2.mp4",',
      '    "name": "Tricky [ { \\" , } ]",',
      '    "headers": { "Referer": "https://a.test/" },',
      '    "meta": { "show": "Orbit", "season": 2, "final": false }',
      '  },',
      '  { "url": "https://a.test/3.mp4", "name": null, "headers": null, "meta": {} }, "https://a.test/4.mp4"',
      ']',
    );
    expect(await parseLinkList(text)).toEqual({
      format: 'json',
      entries: [
        { line: 2, url: 'https://a.test/1.mp4' },
        {
          line: 3,
          url: 'https://a.test/2.mp4',
          name: 'Tricky [ { " , } ]',
          headers: { Referer: 'https://a.test/' },
          meta: { show: 'Orbit', season: '2', final: 'false' },
        },
        { line: 9, url: 'https://a.test/3.mp4' },
        { line: 9, url: 'https://a.test/4.mp4' },
      ],
      invalid: [],
    });
  });

  it('reports a bad element with its own text and line, and keeps the others', async () => {
    const text = lines('[', '  {"url": "https://a.test/1.mp4"},', '  {"name": "No link"},', '  42', ']');
    const list = await parseLinkList(text);
    expect(list.entries).toEqual([{ line: 2, url: 'https://a.test/1.mp4' }]);
    expect(list.invalid).toEqual([
      { line: 3, text: '{"name": "No link"}', reason: expect.stringMatching(/^no url/) },
      { line: 4, text: '42', reason: expect.stringContaining('each item must be a link or an object') },
    ]);
  });

  it('reports a syntax error on its line and reads nothing', async () => {
    const text = lines('[', '  {"url": "https://a.test/1.mp4"},', '  {"url": "https://a.test/2.mp4",}', ']');
    const list = await parseLinkList(text);
    expect(list.entries).toEqual([]);
    expect(list.invalid).toEqual([
      {
        line: 3,
        text: '{"url": "https://a.test/2.mp4",}',
        reason: expect.stringContaining('not valid JSON'),
      },
    ]);
  });

  it('points a list that stops early at its last line', async () => {
    const list = await parseLinkList(lines('[', '  {"url": "https://a.test/1.mp4"}', '', ''));
    expect(list.invalid.map((p) => [p.line, p.text])).toEqual([[2, '{"url": "https://a.test/1.mp4"}']]);
  });

  it('points a list cut off inside a string at its last line', async () => {
    const list = await parseLinkList(lines('[', '  "https://a.test/1.mp4",', '  "https://a.te', ''));
    expect(list.invalid.map((p) => [p.line, p.text])).toEqual([[3, '"https://a.te']]);
  });

  it('reads an empty array as an empty list', async () => {
    expect(await parseLinkList('  [ ]  ')).toEqual({ format: 'json', entries: [], invalid: [] });
  });

  it('refuses JSON that is not an array', async () => {
    const list = await parseLinkList('{"links": []}', 'json');
    expect(list.entries).toEqual([]);
    expect(list.invalid).toEqual([
      { line: 1, text: '{"links": []}', reason: expect.stringContaining('must be an array') },
    ]);
  });
});

describe('NDJSON lists', () => {
  it('reads one object or string a line, skipping blank lines', async () => {
    const text = lines('{"url": "https://a.test/1.mp4", "name": "One"}', '', '  "https://a.test/2.mp4"  ', '');
    expect(await parseLinkList(text)).toEqual({
      format: 'ndjson',
      entries: [
        { line: 1, url: 'https://a.test/1.mp4', name: 'One' },
        { line: 3, url: 'https://a.test/2.mp4' },
      ],
      invalid: [],
    });
  });

  it('reports a bad line and still reads the lines around it', async () => {
    const text = lines(
      '{"url": "https://a.test/1.mp4"}',
      '{"url": "https://a.test/2.mp4", name: "unquoted key"}',
      '{"url": "https://a.test/3.mp4"}',
    );
    const list = await parseLinkList(text);
    expect(list.entries.map((e) => [e.line, e.url])).toEqual([
      [1, 'https://a.test/1.mp4'],
      [3, 'https://a.test/3.mp4'],
    ]);
    expect(list.invalid).toEqual([
      {
        line: 2,
        text: '{"url": "https://a.test/2.mp4", name: "unquoted key"}',
        reason: expect.stringContaining('not valid JSON'),
      },
    ]);
  });
});

describe('checking each entry', () => {
  it.each([
    ['an item that is a number', '42', 'each item must be a link or an object'],
    ['an item that is null', 'null', 'each item must be a link or an object'],
    ['an item that is an array', '["https://a.test/1.mp4"]', 'each item must be a link or an object'],
    ['a missing url', '{"name": "x"}', 'no url'],
    ['a null url', '{"url": null}', 'no url'],
    ['an empty url', '{"url": "  "}', 'no url'],
    ['an empty bare string', '""', 'no url'],
    ['a url that is not a string', '{"url": 7}', 'url must be a string'],
    ['a name that is not a string', '{"url": "https://a.test/1.mp4", "name": 7}', 'name must be a string'],
    [
      'headers given as a list',
      '{"url": "https://a.test/1.mp4", "headers": ["a: b"]}',
      'headers must be a JSON object',
    ],
    ['headers given as text', '{"url": "https://a.test/1.mp4", "headers": "a: b"}', 'headers must be a JSON object'],
    [
      'a header name with a space',
      '{"url": "https://a.test/1.mp4", "headers": {"X Token": "1"}}',
      'header "X Token" is not a valid HTTP header name',
    ],
    [
      'a header name with a colon',
      '{"url": "https://a.test/1.mp4", "headers": {"X-Token:": "1"}}',
      'header "X-Token:" is not a valid HTTP header name',
    ],
    ['an empty header name', '{"url": "https://a.test/1.mp4", "headers": {"": "1"}}', 'header "" is not a valid'],
    [
      'a header value that is a number',
      '{"url": "https://a.test/1.mp4", "headers": {"X-Count": 1}}',
      'header "X-Count" must have a string value',
    ],
    [
      'a header value with a line break',
      '{"url": "https://a.test/1.mp4", "headers": {"X-Token": "a\\r\\nX-Evil: 1"}}',
      'header "X-Token" has a line break or control character in its value; give it on one line',
    ],
    ['meta given as text', '{"url": "https://a.test/1.mp4", "meta": "show=Orbit"}', 'meta must be a JSON object'],
    ['nested meta', '{"url": "https://a.test/1.mp4", "meta": {"show": {"name": "Orbit"}}}', 'meta "show" must be'],
    ['a meta list', '{"url": "https://a.test/1.mp4", "meta": {"tags": ["a"]}}', 'meta "tags" must be'],
    ['a null meta value', '{"url": "https://a.test/1.mp4", "meta": {"show": null}}', 'meta "show" must be'],
  ])('refuses %s', async (_, line, reason) => {
    const list = await parseLinkList(line, 'ndjson');
    expect(list.entries).toEqual([]);
    expect(list.invalid).toEqual([{ line: 1, text: line, reason: expect.stringContaining(reason) }]);
  });

  it('accepts HTTP token characters in header names and turns numbers and booleans in meta into text', async () => {
    const line = JSON.stringify({
      url: ' https://a.test/1.mp4 ',
      headers: { "X-Odd_Name!#$%&'*+.^`|~": 'v', Cookie: '' },
      meta: { take: 3, ratio: 1.5, final: true },
    });
    expect((await parseLinkList(line)).entries).toEqual([
      {
        line: 1,
        url: 'https://a.test/1.mp4',
        headers: { "X-Odd_Name!#$%&'*+.^`|~": 'v', Cookie: '' },
        meta: { take: '3', ratio: '1.5', final: 'true' },
      },
    ]);
  });
});

describe('big lists', () => {
  const count = 10_000;
  const urls = Array.from({ length: count }, (_, i) => `https://a.test/videos/${i}.mp4`);

  it('reads a 10,000-line text list quickly', async () => {
    const list = await parseLinkList(urls.join('\n'));
    expect(list.entries).toHaveLength(count);
    expect(list.entries.at(-1)).toEqual({ line: count, url: urls.at(-1) });
  });

  it('reads a 10,000-row CSV quickly, with line numbers past a multi-line field', async () => {
    const rows = urls.map((url, i) => (i === 0 ? `${url},"Two\nlines",${i}` : `${url},Video ${i},${i}`));
    const list = await parseLinkList(['url,name,meta.index', ...rows].join('\n'));
    expect(list.invalid).toEqual([]);
    expect(list.entries).toHaveLength(count);
    expect(list.entries.at(-1)).toEqual({
      line: count + 2,
      url: urls.at(-1),
      name: `Video ${count - 1}`,
      meta: { index: String(count - 1) },
    });
  });

  it('reads a 10,000-element JSON array quickly', async () => {
    const list = await parseLinkList(`[\n${urls.map((url) => JSON.stringify({ url })).join(',\n')}\n]`);
    expect(list.entries).toHaveLength(count);
    expect(list.entries.at(-1)?.line).toBe(count + 1);
  });
});
