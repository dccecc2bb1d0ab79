import type { Ref } from 'react';
import { Kbd, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

/** The search box of a filter bar: `/` focuses it (see useShortcuts), Escape leaves it. */
export function SearchInput(props: { label: string; placeholder: string; value: string; onChange: (value: string) => void; testId: string; w?: number; ref?: Ref<HTMLInputElement> }) {
  return (
    <TextInput
      ref={props.ref}
      size="xs"
      w={props.w ?? 240}
      type="search"
      aria-label={props.label}
      placeholder={props.placeholder}
      leftSection={<IconSearch size={14} />}
      rightSection={<Kbd size="xs">/</Kbd>}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') e.currentTarget.blur();
      }}
      data-testid={props.testId}
    />
  );
}
