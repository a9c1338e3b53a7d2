import { useState } from 'preact/hooks';
import { planDisplayName, type Plan } from '../domain/plan';
import { planFileName, planFileText } from '../domain/plan-file';
import { encodeShareCode } from '../domain/share-code';
import { markPlansShared } from '../storage/plans';
import { downloadFile } from '../ui/files';

/** Sharing from the plan list: one plan as a share code (copied, and shown to copy by hand), or all to a file. */
export function usePlanSharing(say: (status: string) => void) {
  const [shared, setShared] = useState<{ title: string; code: string } | null>(null);

  const share = async (plan: Plan) => {
    const code = await encodeShareCode([plan]);
    const name = planDisplayName(plan);
    setShared({ title: name, code });
    // Bookkeeping for "already up to date" on the next import; the code is shown whether or not it is recorded.
    void markPlansShared([plan]).catch(() => undefined);
    try {
      await navigator.clipboard.writeText(code);
      say(`Share code for “${name}” copied. Paste it to the other person; they choose Import plan.`);
    } catch {
      say(`Copy the share code for “${name}” below.`);
    }
  };

  const exportAll = async (all: Plan[]) => {
    downloadFile(planFileName(Date.now()), 'application/json', planFileText(all, Date.now()));
    void markPlansShared(all).catch(() => undefined);
    say(`Exported ${all.length} plan${all.length === 1 ? '' : 's'} to a file.`);
  };

  return { shared, share, exportAll };
}
