// The beneficiaries of a project and their shares: returnees (by case) and community members (by
// name), shares in percent that must sum to 100, an equal-split button, and each one's amount.
import { ActionIcon, Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { apportion } from '@taama/core';
import { equalSplit, sharesTotal, sharesValid } from '../logic';
import { formatXof } from '../shared';
import { CasePicker } from './CasePicker';

/** One beneficiary row as edited. */
export interface BeneficiaryDraft {
  key: string;
  reintegrationCaseId: string;
  caseNumber: string;
  communityMemberName: string;
  sharePercent: number;
}

let nextKey = 0;
/** A new empty row: a community member unless a case is picked. */
export function newBeneficiary(): BeneficiaryDraft {
  nextKey += 1;
  return { key: `b-${nextKey}`, reintegrationCaseId: '', caseNumber: '', communityMemberName: '', sharePercent: 0 };
}

interface ShareEditorProps {
  budgetXof: number;
  rows: BeneficiaryDraft[];
  onChange: (rows: BeneficiaryDraft[]) => void;
  readOnly?: boolean;
}

/** The beneficiaries table with shares, the total and the apportioned amounts. */
export function ShareEditor({ budgetXof, rows, onChange, readOnly }: ShareEditorProps) {
  const { t, i18n } = useTranslation();
  const shares = rows.map((r) => r.sharePercent);
  const total = sharesTotal(shares);
  const valid = sharesValid(shares);
  const split = apportion(Math.max(0, Math.round(budgetXof)), shares);
  const amounts = valid && split.ok ? split.amounts : null;
  const set = (index: number, row: BeneficiaryDraft) => onChange(rows.map((r, i) => (i === index ? row : r)));
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={560} type="native">
        <Table verticalSpacing="xs" data-testid="share-editor">
          <Table.Caption>{t('reintegration:projects.beneficiaries')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reintegration:projects.returnee')}</Table.Th>
              <Table.Th scope="col">{t('reintegration:projects.communityMember')}</Table.Th>
              <Table.Th scope="col">{t('reintegration:projects.share')}</Table.Th>
              <Table.Th scope="col">{t('reintegration:projects.amount')}</Table.Th>
              <Table.Th scope="col" w={1} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr key={row.key}>
                <Table.Td>
                  {readOnly ? row.caseNumber || '—' : (
                    <CasePicker value={row.reintegrationCaseId} label={row.caseNumber} disabled={Boolean(row.communityMemberName)} onChange={(id, caseNumber) => set(index, { ...row, reintegrationCaseId: id, caseNumber })} ariaLabel={t('reintegration:projects.returneeN', { n: index + 1 })} />
                  )}
                </Table.Td>
                <Table.Td>
                  {readOnly ? row.communityMemberName || '—' : (
                    <TextInput aria-label={t('reintegration:projects.memberN', { n: index + 1 })} value={row.communityMemberName} maxLength={200} disabled={Boolean(row.reintegrationCaseId)} onChange={(e) => set(index, { ...row, communityMemberName: e.currentTarget.value })} />
                  )}
                </Table.Td>
                <Table.Td>
                  {readOnly ? `${row.sharePercent} %` : (
                    <NumberInput aria-label={t('reintegration:projects.shareN', { n: index + 1 })} value={row.sharePercent} onChange={(v) => set(index, { ...row, sharePercent: typeof v === 'number' ? v : Number(v) || 0 })} min={0} max={100} decimalScale={2} suffix=" %" w={110} />
                  )}
                </Table.Td>
                <Table.Td>{amounts ? formatXof(amounts[index] ?? 0, i18n.language) : '—'}</Table.Td>
                <Table.Td>
                  {!readOnly && (
                    <ActionIcon variant="subtle" color="red" onClick={() => onChange(rows.filter((_, i) => i !== index))} aria-label={t('reintegration:projects.removeN', { n: index + 1 })} disabled={rows.length === 1}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={2}>{t('reintegration:projects.total')}</Table.Th>
              <Table.Td>
                <Text size="sm" fw={700} c={valid ? 'green' : 'red'} data-testid="share-total">{total} %</Text>
              </Table.Td>
              <Table.Td>{formatXof(Math.max(0, Math.round(budgetXof)), i18n.language)}</Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {!valid && rows.length > 0 && <Text size="sm" c="red" role="alert">{t('reintegration:projects.sharesMustSum')}</Text>}
      {!readOnly && (
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange([...rows, newBeneficiary()])} disabled={rows.length >= 500}>{t('reintegration:projects.addBeneficiary')}</Button>
          <Button variant="default" onClick={() => { const split = equalSplit(rows.length); onChange(rows.map((r, i) => ({ ...r, sharePercent: split[i] ?? 0 }))); }} disabled={rows.length === 0}>
            {t('reintegration:projects.equalSplit')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
