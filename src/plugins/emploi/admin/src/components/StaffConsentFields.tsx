import { Box, Checkbox, Field, Typography } from '@strapi/design-system';
import { ChoiceField, ConsentPanel } from '@csc/plugin-core/admin-toolkit';
import type { StaffConsentMethod } from '../../../shared/contracts/staff';
import { useT } from '../utils';

interface Props {
  /** The text the server records with the consent: read aloud or given on paper, word for word. */
  text: string;
  method: StaffConsentMethod;
  onMethod(method: StaffConsentMethod): void;
  confirmed: boolean;
  onConfirmed(confirmed: boolean): void;
  fields: Record<string, string>;
  /** What the team does with the text here; the profile form's sentence by default. */
  intro?: string;
}

/** The resident's agreement: the text read to her, how she gave it, and the team's confirmation. */
export const StaffConsentFields = ({ text, method, onMethod, confirmed, onConfirmed, fields, intro }: Props) => {
  const t = useT();
  return (
    <ConsentPanel title={t('consent.title')} intro={intro ?? t('consent.intro')}>
      <Box background="neutral0" hasRadius padding={4} borderColor="neutral200">
        <Typography tag="p" fontWeight="semiBold">
          {t('consent.text')}
        </Typography>
        <Typography tag="blockquote">{text}</Typography>
      </Box>
      <ChoiceField<StaffConsentMethod>
        label={t('consent.method')}
        value={method}
        choices={[
          { value: 'oral', label: t('consent.method.oral') },
          { value: 'paper', label: t('consent.method.paper') },
        ]}
        onChange={onMethod}
        error={fields.consentMethod}
      />
      <Field.Root name="consentConfirmed" error={fields.consentConfirmed} required>
        <Checkbox checked={confirmed} onCheckedChange={(checked: boolean) => onConfirmed(checked === true)}>
          {t('consent.confirm')}
        </Checkbox>
        <Field.Error />
      </Field.Root>
    </ConsentPanel>
  );
};
