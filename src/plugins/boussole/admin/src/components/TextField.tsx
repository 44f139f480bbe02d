import { Field, TextInput, Textarea } from '@strapi/design-system';

interface Props {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
}

/** One labelled field of the settings form, with its hint and the API's message under it. */
export const TextField = ({ name, label, value, onChange, error, hint, required, multiline }: Props) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    {multiline ? (
      <Textarea
        value={value}
        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
      />
    ) : (
      <TextInput
        autoComplete="off"
        value={value}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
    )}
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
