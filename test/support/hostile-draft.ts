import type { CraftedItem } from '@robowrite/emulator';

/**
 * A draft as an injected source could shape it (issue 10, item 3): raw HTML that runs script,
 * event-handler attributes, and `javascript:`/`data:`/`vbscript:` URLs in every Markdown form,
 * around benign content that must still reach the page. Served by the emulator's `craftedItems`.
 */
export const HOSTILE_BODY = `## Benign heading

A benign paragraph stays, with a [safe link](https://example.com/safe).

<script>alert('block')</script>

Inline <img src=x onerror="alert(2)"> image and <b onmouseover="alert(3)">bold</b>.

<div onclick="alert(4)">

*Emphasis inside an HTML block.*

</div>

[js](javascript:alert(5)) [entity](jav&#x61;script:alert(6)) [data](data:text/html,x) [vb](vbscript:msgbox(7))

![picture](javascript:alert(8))

<javascript:alert(9)>

[reference][r]

[r]: JaVaScRiPt:alert(10)

Code stays code: \`<script>alert(11)</script>\`.

\`\`\`html
<script>alert(12)</script>
\`\`\`
`;

export const HOSTILE_ITEM: CraftedItem = {
  title: 'Hostile payload draft',
  status: 'in_review',
  markdownBody: HOSTILE_BODY,
  sources: [
    { marker: 1, name: 'Good source', url: 'https://example.com/good' },
    { marker: 2, name: 'Script source', url: 'javascript:alert(13)' },
    { marker: 3, name: 'Data source', url: 'data:text/html,<script>alert(14)</script>' },
  ],
};

/** The slug the emulator gives the item. */
export const HOSTILE_SLUG = 'hostile-payload-draft';
