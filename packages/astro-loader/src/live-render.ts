import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';

/** Markdown to HTML with `@astrojs/markdown-remark`; the processor is built on first use, once. */
export function markdownRenderer(
  options: Parameters<typeof createMarkdownProcessor>[0],
): (markdown: string) => Promise<string> {
  let renderer: Promise<MarkdownRenderer> | undefined;
  return async (markdown) => {
    renderer ??= createMarkdownProcessor(options);
    return (await (await renderer).render(markdown)).code;
  };
}
