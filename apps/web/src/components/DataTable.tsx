// Every list in Taama: toolbar (search, filters), table, and its loading, empty, error states and
// cursor pagination (SPEC §13 lists: ?limit=&cursor= → {items, nextCursor}).
import { Fragment, useId, useState, type ReactNode } from 'react';
import { Button, Group, Loader, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronLeft, IconChevronRight, IconChevronUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from './States';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** Hides the column on narrow screens (below the given breakpoint). */
  visibleFrom?: 'sm' | 'md' | 'lg';
  width?: number | string;
}

export interface CursorPagination {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

interface DataTableProps<T> {
  /** The table's accessible name. */
  caption: string;
  columns: Column<T>[];
  rows: readonly T[] | undefined;
  rowKey: (row: T) => string;
  loading: boolean;
  /** A newer page or filter is loading while older rows stay visible. */
  fetching?: boolean;
  error: unknown;
  onRetry?: () => void;
  emptyTitle: string;
  emptyDescription?: ReactNode;
  /** Filters or a search narrow the list: an empty list says nothing matches them instead. */
  filtered?: boolean;
  emptyAction?: ReactNode;
  toolbar?: ReactNode;
  pagination?: CursorPagination;
  /** When given, each row gets a details toggle that shows this under it. */
  renderDetails?: (row: T) => ReactNode;
  detailsLabel?: (row: T) => string;
}

/** A table with its states; the caller fetches the data and owns the filters. */
export function DataTable<T>(props: DataTableProps<T>) {
  const { caption, columns, rows, rowKey, loading, fetching, error, onRetry, emptyTitle, emptyDescription, filtered, emptyAction, toolbar, pagination, renderDetails, detailsLabel } = props;
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const baseId = useId();
  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const columnCount = columns.length + (renderDetails ? 1 : 0);
  let body: ReactNode;
  if (error && !rows) {
    body = <ErrorState error={error} onRetry={onRetry} />;
  } else if (loading && !rows) {
    body = <LoadingState />;
  } else if (!rows || rows.length === 0) {
    body = <EmptyState title={emptyTitle} description={filtered ? t('common:states.emptyFiltered') : emptyDescription} action={emptyAction} />;
  } else {
    body = (
      <Table.ScrollContainer minWidth={640} type="native">
        <Table striped highlightOnHover verticalSpacing="sm" aria-busy={fetching ? true : undefined}>
          <Table.Caption>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} scope="col" visibleFrom={column.visibleFrom} w={column.width}>
                  {column.header}
                </Table.Th>
              ))}
              {renderDetails && (
                <Table.Th scope="col" w={1}>
                  <VisuallyHidden>{t('common:actions.showDetails')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const key = rowKey(row);
              const open = expanded.has(key);
              const detailsId = `${baseId}-${key}`;
              return (
                <Fragment key={key}>
                  <Table.Tr>
                    {columns.map((column) => (
                      <Table.Td key={column.key} visibleFrom={column.visibleFrom}>
                        {column.render(row)}
                      </Table.Td>
                    ))}
                    {renderDetails && (
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-expanded={open}
                          aria-controls={open ? detailsId : undefined}
                          aria-label={`${open ? t('common:actions.hideDetails') : t('common:actions.showDetails')}${detailsLabel ? ` — ${detailsLabel(row)}` : ''}`}
                          onClick={() => toggle(key)}
                          rightSection={open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
                        >
                          {open ? t('common:actions.hideDetails') : t('common:actions.showDetails')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                  {renderDetails && open && (
                    <Table.Tr id={detailsId}>
                      <Table.Td colSpan={columnCount}>{renderDetails(row)}</Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="md">
      {toolbar}
      {error && rows ? <ErrorState error={error} onRetry={onRetry} /> : null}
      <Paper withBorder radius="sm" p={0}>
        {body}
      </Paper>
      {pagination && (pagination.hasNext || pagination.hasPrevious) && (
        <Group justify="space-between" component="nav" aria-label={t('common:pagination.label')}>
          <Button variant="default" leftSection={<IconChevronLeft size={16} aria-hidden />} disabled={!pagination.hasPrevious || fetching} onClick={pagination.onPrevious}>
            {t('common:actions.previous')}
          </Button>
          <Group gap="xs">
            {fetching && <Loader size="xs" aria-hidden />}
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('common:pagination.page', { page: pagination.page })}
            </Text>
          </Group>
          <Button variant="default" rightSection={<IconChevronRight size={16} aria-hidden />} disabled={!pagination.hasNext || fetching} onClick={pagination.onNext}>
            {t('common:actions.next')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
