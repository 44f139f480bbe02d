import { useState } from 'react';
import { Button, Field, Flex, Modal, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { NO_PROBLEM, ProblemAlert, problemOf, useAdminGet, type Problem } from '@csc/plugin-core/admin-toolkit';
import type {
  CandidateChoicesResponse,
  ReferentChangeRequest,
  StaffCandidateRow,
  StaffConsentMethod,
} from '../../../shared/contracts/staff';
import { API, useT } from '../utils';
import { StaffConsentFields } from './StaffConsentFields';

interface Props {
  candidate: StaffCandidateRow;
  onClose(): void;
  onSaved(): void;
}

/**
 * Another referent for one profile: she then sees the candidate and answers employers with her. A
 * resident who manages her own profile must agree first: the text is read to her and her answer noted.
 */
export const ReferentChangeModal = ({ candidate, onClose, onSaved }: Props) => {
  const t = useT();
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const choices = useAdminGet<CandidateChoicesResponse>(`${API}/candidates/choices`);
  const [referent, setReferent] = useState(candidate.referent ?? '');
  const [problem, setProblem] = useState<Problem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const [method, setMethod] = useState<StaffConsentMethod>('oral');
  const [confirmed, setConfirmed] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (candidate.hasAccount && !confirmed) {
      setProblem({ ...NO_PROBLEM, fields: { consentConfirmed: t('consent.confirm.required') } });
      return;
    }
    setBusy(true);
    setProblem(NO_PROBLEM);
    try {
      const body: ReferentChangeRequest = candidate.hasAccount ? { referent, consentMethod: method } : { referent };
      await put(`${API}/candidates/${candidate.id}/referent`, body);
      toggleNotification({ type: 'success', message: t('referentChange.done', { name: candidate.name, referent }) });
      onSaved();
    } catch (error) {
      setProblem(problemOf(error, t('referentChange.error')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={t('common.close')}>
            <Modal.Title>{t('referentChange.title', { name: candidate.name })}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <ProblemAlert problem={problem} />
              <Typography tag="p">{t('referentChange.intro')}</Typography>
              {choices === 'error' && <Typography textColor="danger600">{t('referentChange.error.load')}</Typography>}
              {choices !== 'error' && (
                <Field.Root name="referent" error={problem.fields.referent} required>
                  <Field.Label>{t('candidate.referent')}</Field.Label>
                  <SingleSelect
                    value={referent}
                    disabled={choices === undefined}
                    placeholder={t('candidate.referent.placeholder')}
                    onChange={(value: string | number) => setReferent(String(value))}
                  >
                    {(choices?.referents ?? []).map((email) => (
                      <SingleSelectOption key={email} value={email}>
                        {email}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              )}
              {candidate.hasAccount && choices && choices !== 'error' && (
                <StaffConsentFields
                  text={choices.referentConsentText}
                  method={method}
                  onMethod={setMethod}
                  confirmed={confirmed}
                  onConfirmed={setConfirmed}
                  fields={problem.fields}
                  intro={t('referentChange.consent.intro')}
                />
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('common.cancel')}</Button>
            </Modal.Close>
            <Button type="submit" loading={busy} disabled={!referent || referent === candidate.referent}>
              {t('referentChange.submit')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
