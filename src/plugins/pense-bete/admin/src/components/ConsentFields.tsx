import { ConsentPanel } from '@csc/plugin-core/admin-toolkit';
import type { ConsentInput, ConsentMethod } from '../../../shared/contracts/pense-bete';
import { useT } from '../utils/translate';
import { ChoiceField } from './ChoiceField';
import { TextField } from './TextField';

export const CONSENT_METHODS: ConsentMethod[] = ['oral', 'paper', 'online-form', 'email'];

interface Props {
  value: ConsentInput;
  onChange(value: ConsentInput): void;
  fields: Record<string, string>;
}

/** How the person agreed, and the text they were read or shown: recorded with the person. */
export const ConsentFields = ({ value, onChange, fields }: Props) => {
  const t = useT();
  return (
    <ConsentPanel title={t('consent.title')} intro={t('consent.intro')}>
      <TextField
        name="consent.informationText"
        label={t('consent.text')}
        hint={t('consent.text.hint')}
        multiline
        required
        value={value.informationText}
        onChange={(informationText) => onChange({ ...value, informationText })}
        error={fields['consent.informationText']}
      />
      <ChoiceField<ConsentMethod>
        label={t('consent.method')}
        value={value.method}
        choices={CONSENT_METHODS.map((method) => ({ value: method, label: t(`consent.method.${method}`) }))}
        onChange={(method) => onChange({ ...value, method })}
        error={fields['consent.method'] ?? (fields['consent.informationText'] ? undefined : fields.consent)}
      />
    </ConsentPanel>
  );
};
