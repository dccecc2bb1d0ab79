import { Select, type ComboboxData } from '@mantine/core';

/** A compact, clearable filter select whose placeholder is also its accessible name. */
export function FilterSelect(props: {
  label: string;
  data: ComboboxData;
  value: string | null;
  onChange: (value: string | null) => void;
  testId: string;
  w?: number;
  searchable?: boolean;
}) {
  return (
    <Select
      size="xs"
      w={props.w ?? 165}
      aria-label={props.label}
      placeholder={props.label}
      data={props.data}
      value={props.value}
      onChange={props.onChange}
      clearable
      searchable={props.searchable ?? false}
      data-testid={props.testId}
    />
  );
}
