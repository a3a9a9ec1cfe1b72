import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';

type Notice = { text: string; error: boolean };

/**
 * One of a department's switches (kill switch, supervised mode): asks the server to switch, reports what it
 * answered (`noticeFor` the new state, or the problem's detail) and closes the confirmation when done.
 */
export function useDepartmentSwitch(
  switchTo: (on: boolean) => Promise<boolean>,
  onChange: (on: boolean) => void,
  noticeFor: (on: boolean) => string,
) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  async function change(on: boolean) {
    setBusy(true);
    setNotice(null);
    try {
      const now = await switchTo(on);
      onChange(now);
      setNotice({ text: noticeFor(now), error: false });
    } catch (error) {
      setNotice({ text: errorMessage(error, t), error: true });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return { confirming, setConfirming, busy, notice, change };
}
