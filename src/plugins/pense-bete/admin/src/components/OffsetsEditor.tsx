import { Box, Button, Field, Flex, NumberInput, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import type { OffsetInput } from '../../../shared/contracts/pense-bete';
import { offsetLabel } from '../utils/steps';
import { useT } from '../utils/translate';

/** The API accepts five reminders per step. */
const MAX_OFFSETS = 5;

interface Props {
  value: OffsetInput[];
  onChange(value: OffsetInput[]): void;
  fields: Record<string, string>;
}

/** The step's reminders, each « tant de jours avant, à telle heure » (J-7, J-1 by default). */
export const OffsetsEditor = ({ value, onChange, fields }: Props) => {
  const t = useT();
  const set = (index: number, change: Partial<OffsetInput>) =>
    onChange(value.map((offset, position) => (position === index ? { ...offset, ...change } : offset)));
  const add = () => {
    const last = value[value.length - 1];
    onChange([...value, { daysBefore: last ? Math.max(0, last.daysBefore - 1) : 1, time: last?.time ?? '10:00' }]);
  };

  return (
    <Box>
      <Typography variant="pi" fontWeight="bold" tag="p" paddingBottom={1}>
        {t('stepForm.offsets')}
      </Typography>
      <Typography variant="pi" textColor="neutral600" tag="p" paddingBottom={3}>
        {t('stepForm.offsets.hint')}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={3}>
        {value.map((offset, index) => (
          // Rows have no identity of their own: the position is the reminder.
          <Flex key={index} gap={4} alignItems="flex-end" wrap="wrap">
            <Field.Root
              name={`offsets.${index}.daysBefore`}
              error={fields[`offsets.${index}.daysBefore`]}
              width="160px"
            >
              <Field.Label>{t('stepForm.offsets.days', { number: index + 1 })}</Field.Label>
              <NumberInput
                value={offset.daysBefore}
                step={1}
                onValueChange={(days: number | undefined) => set(index, { daysBefore: days ?? 0 })}
              />
              <Field.Error />
            </Field.Root>
            <Field.Root name={`offsets.${index}.time`} error={fields[`offsets.${index}.time`]} width="140px">
              <Field.Label>{t('stepForm.offsets.time')}</Field.Label>
              <TextInput
                type="time"
                value={offset.time}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => set(index, { time: event.target.value })}
              />
              <Field.Error />
            </Field.Root>
            <Typography textColor="neutral600" paddingBottom={3}>
              {offsetLabel(t, offset)}
            </Typography>
            <Box paddingBottom={1}>
              <Button
                variant="tertiary"
                startIcon={<Trash />}
                disabled={value.length <= 1}
                onClick={() => onChange(value.filter((_, position) => position !== index))}
              >
                {t('stepForm.offsets.remove', { number: index + 1 })}
              </Button>
            </Box>
          </Flex>
        ))}
      </Flex>
      {fields.offsets && !Object.keys(fields).some((key) => key.startsWith('offsets.')) && (
        <Field.Root error={fields.offsets}>
          <Field.Error />
        </Field.Root>
      )}
      <Box paddingTop={3}>
        <Button variant="secondary" startIcon={<Plus />} disabled={value.length >= MAX_OFFSETS} onClick={add}>
          {t('stepForm.offsets.add')}
        </Button>
      </Box>
    </Box>
  );
};
