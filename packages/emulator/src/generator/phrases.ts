/** Phrase banks the draft writer combines; varied enough that drafts read like real articles. */
export const OPENERS = [
  'Most teams underestimate how much {kw} shapes the results they see each quarter.',
  'If you have ever wondered why {kw} works for some teams and not others, you are not alone.',
  'Getting {kw} right is less about tools and more about a few repeatable habits.',
  'The conversation around {kw} has changed a lot in the last two years.',
  '{Kw} is one of those topics where the basics matter far more than the tricks.',
];

export const SENTENCES = [
  'Start with a clear baseline so you can tell whether a change actually helped.',
  'Small, consistent improvements compound faster than occasional big overhauls.',
  'Write down the assumptions behind each decision and revisit them every month.',
  'The teams that do this well treat {kw} as a process, not a one-off project.',
  'Measure what your readers do, not only what they say they want.',
  'A short checklist prevents most of the mistakes we see in practice.',
  'Resist the urge to optimize everything at once; pick the constraint that matters most.',
  'Document the outcome of each experiment, including the ones that failed.',
  'Clear ownership removes most of the friction around {kw}.',
  'Good defaults save more time than clever exceptions.',
  'When in doubt, ask the people closest to the work what slows them down.',
  'Automation helps, but only after the manual version is understood.',
  'A realistic timeline beats an ambitious one that nobody believes.',
  'Review the numbers weekly, and the strategy quarterly.',
  'The best {kw} programs share their results openly across the organization.',
  'Feedback loops shorter than a week keep everyone honest.',
  'Most of the gains come from removing steps rather than adding them.',
  'Keep a shared glossary so that everyone means the same thing by the same words.',
];

export const SECTION_HEADINGS = [
  'Why {kw} matters',
  'The core principles',
  'A step-by-step approach',
  'Common mistakes to avoid',
  'Tools and workflows',
  'Measuring progress',
  'Real-world examples',
  'Putting it into practice',
  'What the research says',
  'Scaling what works',
];

export const LIST_ITEMS = [
  'Set one measurable goal per quarter',
  'Audit your current process before changing it',
  'Share a weekly summary with stakeholders',
  'Automate the repetitive steps first',
  'Keep experiments small and time-boxed',
  'Review results with the whole team',
  'Retire practices that no longer pay off',
  'Write decisions down where everyone can find them',
  'Protect time for deep, focused work',
  'Ask for feedback early and often',
];

export const SOURCES = [
  { name: 'Stanford WFH Study', url: 'https://stanford.edu/wfh' },
  { name: 'Harvard Business Review', url: 'https://hbr.org/topic/productivity' },
  { name: 'Pew Research Center', url: 'https://www.pewresearch.org/topic/work' },
  { name: 'McKinsey Global Institute', url: 'https://www.mckinsey.com/mgi/overview' },
  { name: 'Nielsen Norman Group', url: 'https://www.nngroup.com/articles/' },
  { name: 'Gartner Research', url: 'https://www.gartner.com/en/research' },
  { name: 'MIT Sloan Management Review', url: 'https://sloanreview.mit.edu/' },
  { name: 'OECD Data', url: 'https://data.oecd.org/' },
  { name: 'Google Search Central', url: 'https://developers.google.com/search/docs' },
  { name: 'U.S. Bureau of Labor Statistics', url: 'https://www.bls.gov/' },
];

export const ANCHORS = [
  'a widely cited study',
  'recent survey data',
  'long-running industry research',
  'published benchmarks',
  'an analysis of thousands of teams',
  'official guidance',
];

export const TAGS = [
  'productivity',
  'strategy',
  'how-to',
  'best-practices',
  'workflow',
  'research',
  'teams',
  'seo',
  'planning',
  'automation',
];

export const CATEGORIES = ['Guides', 'Strategy', 'Operations', 'Research', 'Tutorials'];

export const WARNINGS = [
  'Introduction could state the main takeaway earlier.',
  'One section is shorter than the brief suggests.',
  'Consider adding an example to the tools section.',
];
