import type { ReactNode } from 'react';
import { Field, TextInput, Textarea } from '@strapi/design-system';

interface Props {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  type?: 'text' | 'tel' | 'email' | 'date' | 'time';
  multiline?: boolean;
  autoFocus?: boolean;
  min?: string;
}

/** One labelled field of the plugin's forms, with its hint and the API's message under it. */
export const TextField = ({ name, label, value, onChange, error, hint, required, type, multiline, ...rest }: Props) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    {multiline ? (
      <Textarea
        value={value}
        autoFocus={rest.autoFocus}
        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
      />
    ) : (
      <TextInput
        type={type ?? 'text'}
        autoComplete="off"
        value={value}
        autoFocus={rest.autoFocus}
        min={rest.min}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
    )}
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
