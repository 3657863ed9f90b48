// Search box and filters above a list; the search waits for the user to pause typing.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Group, Select, TextInput, type ComboboxData } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UrlFilters } from './useUrlFilters';

interface ListToolbarProps {
  searchLabel?: string;
  searchPlaceholder?: string;
  /** The search applied to the list (debounced). */
  search?: string;
  onSearch?: (value: string) => void;
  filters?: ReactNode;
  /** Shown when any filter or search is set. */
  onClear?: () => void;
  canClear?: boolean;
  actions?: ReactNode;
}

/** A row of search and filter inputs. */
export function ListToolbar({ searchLabel, searchPlaceholder, search, onSearch, filters, onClear, canClear, actions }: ListToolbarProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(search ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  const emitted = useRef(debounced);

  // Only a change of the typed text searches; the parent's own resets never echo back.
  useEffect(() => {
    if (debounced === emitted.current) return;
    emitted.current = debounced;
    onSearch?.(debounced.trim());
  }, [debounced, onSearch]);

  const clear = () => {
    setText('');
    // The parent clears the URL itself; the debounced '' must not write it again later.
    emitted.current = '';
    onClear?.();
  };

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search">
      {onSearch && (
        <TextInput
          label={searchLabel ?? t('common:actions.search')}
          placeholder={searchPlaceholder}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          style={{ flex: '1 1 16rem' }}
        />
      )}
      {filters}
      {onClear && canClear && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clear}>
          {t('common:actions.clearFilters')}
        </Button>
      )}
      {actions}
    </Group>
  );
}

interface FilterSelectProps<K extends string> {
  filters: UrlFilters<K>;
  /** The filter this select sets. */
  name: K;
  label: string;
  data: ComboboxData;
  searchable?: boolean;
  w: number;
}

/** A toolbar filter chosen among options and kept in the URL; empty means all. */
export function FilterSelect<K extends string>({ filters, name, label, data, searchable, w }: FilterSelectProps<K>) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      placeholder={t('common:filters.all')}
      data={data}
      value={filters.values[name] || null}
      onChange={(value) => filters.set(name, value)}
      clearable
      searchable={searchable}
      w={w}
    />
  );
}
