import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyIcon } from '../../../components/icons';

export function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (!result) return;
    const timer = window.setTimeout(() => setResult(null), 2500);
    return () => window.clearTimeout(timer);
  }, [result]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  }

  return (
    <>
      <button type="button" className="icon-button" aria-label={t('chat.copyLabel')} onClick={() => void copy()}>
        <CopyIcon /> <span aria-hidden="true">{t('chat.copy')}</span>
      </button>
      <span className="copy-result" role="status">
        {result === 'copied' ? t('chat.copied') : result === 'failed' ? t('chat.copyFailed') : ''}
      </span>
    </>
  );
}
