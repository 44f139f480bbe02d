import { useEffect, useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useDebounce, useFetchClient } from '@strapi/strapi/admin';
import type { PreviewRequest, PreviewResponse } from '../../../shared/contracts/pense-bete';
import { API, problemOf } from '../utils/api';
import { useT } from '../utils/translate';

interface Props {
  request: PreviewRequest;
  /** For e-mail, the SMS counts mean nothing. */
  channel: 'sms' | 'email';
  onApplySuggestion(template: string): void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; preview: PreviewResponse };

/**
 * The message as the person will read it, recomputed by the server while the referent types
 * (after a short pause): the same rendering and counting as when the reminder goes out.
 */
export const MessagePreview = ({ request, channel, onApplySuggestion }: Props) => {
  const t = useT();
  const { post } = useFetchClient();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const key = JSON.stringify(request);
  const debounced = useDebounce(key, 400);

  useEffect(() => {
    const body = JSON.parse(debounced) as PreviewRequest;
    if (!body.template.trim()) {
      setState({ kind: 'idle' });
      return;
    }
    let current = true;
    setState((previous) => (previous.kind === 'ready' ? previous : { kind: 'loading' }));
    post<PreviewResponse>(`${API}/preview`, body).then(
      ({ data }) => current && setState({ kind: 'ready', preview: data }),
      (error: unknown) => current && setState({ kind: 'error', message: problemOf(error, t('preview.error')).message }),
    );
    return () => {
      current = false;
    };
  }, [debounced, post, t]);

  return (
    <Box background="neutral100" hasRadius padding={4} aria-live="polite">
      <Typography variant="sigma" textColor="neutral600" tag="p" paddingBottom={2}>
        {t('preview.title')}
      </Typography>
      {state.kind === 'idle' && <Typography textColor="neutral600">{t('preview.empty')}</Typography>}
      {state.kind === 'loading' && <Typography textColor="neutral600">{t('preview.loading')}</Typography>}
      {state.kind === 'error' && <Typography textColor="danger600">{state.message}</Typography>}
      {state.kind === 'ready' && (
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Box background="neutral0" hasRadius padding={3} borderColor="neutral200">
            <Typography style={{ whiteSpace: 'pre-wrap' }}>{state.preview.text}</Typography>
          </Box>
          {channel === 'sms' ? (
            <>
              <Typography>
                {t('preview.counts', {
                  characters: state.preview.characters,
                  encoding: state.preview.encoding,
                  parts: state.preview.parts,
                  credits: state.preview.credits,
                })}
              </Typography>
              {state.preview.encoding === 'UCS-2' && (
                <Typography variant="pi" textColor="neutral600">
                  {t('preview.ucs2')}
                </Typography>
              )}
              {state.preview.suggestion && (
                <Box background="warning100" borderColor="warning200" hasRadius padding={3}>
                  <Flex direction="column" alignItems="flex-start" gap={2}>
                    <Typography>
                      {t('preview.suggestion', {
                        parts: state.preview.parts,
                        suggested: state.preview.suggestion.parts,
                      })}
                    </Typography>
                    <Typography variant="pi" style={{ whiteSpace: 'pre-wrap' }}>
                      {state.preview.suggestion.text}
                    </Typography>
                    <Button
                      variant="secondary"
                      onClick={() => state.preview.suggestion && onApplySuggestion(state.preview.suggestion.template)}
                    >
                      {state.preview.suggestion.parts === 1
                        ? t('preview.fit')
                        : t('preview.fitParts', { parts: state.preview.suggestion.parts })}
                    </Button>
                  </Flex>
                </Box>
              )}
            </>
          ) : (
            <Typography variant="pi" textColor="neutral600">
              {t('preview.email')}
            </Typography>
          )}
        </Flex>
      )}
    </Box>
  );
};
