// Takes a slot of the machine budget <id> (2 per 60 s), frees it, and exits at once with
// `process.exit`, before any timer or immediate runs: the free must still reach the ledger.
// Args: <id>; the ledger folder comes from ROBOWRITE_BUDGET_DIR.
import { MachineBudget } from '../../src/core/machine-budget.ts';

const [id] = process.argv.slice(2);
if (!id) throw new Error('usage: release-then-exit <id>');
const release = await new MachineBudget(id, 2, 60_000).acquire();
release();
process.exit(0);
