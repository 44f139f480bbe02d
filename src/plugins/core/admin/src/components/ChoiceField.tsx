import { useId } from 'react';
import { Box, Field, Flex, Radio, Typography } from '@strapi/design-system';

interface Props<T extends string> {
  label: string;
  value: T;
  choices: { value: T; label: string }[];
  onChange(value: T): void;
  error?: string;
  hint?: string;
}

/** A short list of plain choices, all visible at once (arrow keys move between them). */
export function ChoiceField<T extends string>({ label, value, choices, onChange, error, hint }: Props<T>) {
  const labelId = useId();
  return (
    <Box>
      <Typography id={labelId} variant="pi" fontWeight="bold" tag="p" paddingBottom={1}>
        {label}
      </Typography>
      <Radio.Group aria-labelledby={labelId} value={value} onValueChange={(next: string) => onChange(next as T)}>
        <Flex direction="column" alignItems="flex-start" gap={2}>
          {choices.map((choice) => (
            <Radio.Item key={choice.value} value={choice.value}>
              {choice.label}
            </Radio.Item>
          ))}
        </Flex>
      </Radio.Group>
      {hint && (
        <Typography variant="pi" textColor="neutral600" tag="p" paddingTop={1}>
          {hint}
        </Typography>
      )}
      {error && (
        <Field.Root error={error}>
          <Field.Error />
        </Field.Root>
      )}
    </Box>
  );
}
