// The data behind a chart or a map as a table; counts link to the records behind them.
import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChartTable } from './csv';

/** A chart's table, numbers formatted in the interface language, empty cells as a dash. */
export function ChartDataTable({ title, table, cellLink }: { title: string; table: ChartTable; cellLink?: (row: number, column: number) => string | undefined }) {
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Table.ScrollContainer minWidth={320} type="native" mah={360}>
      <Table striped withTableBorder fz="sm" stickyHeader>
        <Table.Caption>{title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {table.header.map((label) => (
              <Table.Th key={label} scope="col">
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, r) => (
            <Table.Tr key={r}>
              {row.map((cell, c) => {
                const text = typeof cell === 'number' ? number.format(cell) : cell === null || cell === undefined || cell === '' ? '—' : String(cell);
                const to = typeof cell === 'number' ? cellLink?.(r, c) : undefined;
                return <Table.Td key={c}>{to ? <Anchor component={Link} to={to}>{text}</Anchor> : text}</Table.Td>;
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
