// A collective or community project: its name, level, type, region and budget, and its
// beneficiaries with their shares (editable, summing to 100 %) and apportioned amounts; for an
// existing project, the budget view with what was disbursed to each.
import { useState } from 'react';
import { Anchor, Button, Group, NativeSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { newId } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { FormErrorAlert } from '../../../components/forms';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { fieldError } from '../../registry/shared';
import { projectsApi, reintegrationKeys } from '../api';
import { sharesValid } from '../logic';
import { useRegionOptions } from '../regions';
import { formatXof, useEnumOptions } from '../shared';
import { ASSISTANCE_DIMENSIONS, ASSISTANCE_TYPES_BY_DIMENSION, type AssistanceDimension, type AssistanceType, type Project } from '../types';
import { newBeneficiary, ShareEditor, type BeneficiaryDraft } from './ShareEditor';

const LEVELS = ['collective', 'community'] as const;

/** The rows of the share editor for a project (equal split for new ones). */
function draftsOf(project: Project | undefined): BeneficiaryDraft[] {
  if (!project) return [newBeneficiary()];
  return project.beneficiaries.map((b) => ({
    key: b.id,
    reintegrationCaseId: b.reintegrationCaseId ?? '',
    caseNumber: b.caseNumber ?? '',
    communityMemberName: b.communityMemberName ?? '',
    sharePercent: b.sharePercent ?? 0,
  }));
}

/** The project's budget: apportioned and disbursed per beneficiary. */
function BudgetView({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const id = project.id;
  const budget = useQuery({ queryKey: [...reintegrationKeys.project(id), 'budget'], queryFn: () => projectsApi.budget(id) });
  const caseNumber = (caseId: string) => project.beneficiaries.find((b) => b.reintegrationCaseId === caseId)?.caseNumber ?? caseId;
  if (budget.isPending) return <LoadingState />;
  if (budget.isError) return <ErrorState error={budget.error} onRetry={() => void budget.refetch()} />;
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">{t('reintegration:projects.budgetView', { budget: formatXof(budget.data.budgetXof, i18n.language), disbursed: formatXof(budget.data.disbursedXof, i18n.language) })}</Title>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{t('reintegration:projects.budgetCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reintegration:projects.beneficiary')}</Table.Th>
            <Table.Th scope="col">{t('reintegration:projects.amount')}</Table.Th>
            <Table.Th scope="col">{t('reintegration:projects.disbursed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {budget.data.beneficiaries.map((b, i) => (
            <Table.Tr key={b.reintegrationCaseId ?? `${b.communityMemberName ?? ''}-${i}`}>
              <Table.Td>
                {b.reintegrationCaseId ? <Anchor component={Link} to={`/reintegration/cases/${b.reintegrationCaseId}`}>{caseNumber(b.reintegrationCaseId)}</Anchor> : (b.communityMemberName ?? '—')}
              </Table.Td>
              <Table.Td>{formatXof(b.apportionedXof, i18n.language)}</Table.Td>
              <Table.Td>{formatXof(b.disbursedXof, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The project form (new or existing). */
function ProjectForm({ project }: { project: Project | undefined }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const regions = useRegionOptions();
  const levels = useEnumOptions('level', LEVELS);
  const dimensions = useEnumOptions('dimension', ASSISTANCE_DIMENSIONS);
  const [name, setName] = useState(project?.name ?? '');
  const [level, setLevel] = useState<'collective' | 'community'>(project?.level ?? 'collective');
  const [dimension, setDimension] = useState<AssistanceDimension>(project?.dimension ?? 'economic');
  const [type, setType] = useState<AssistanceType>(project?.type ?? 'business_startup');
  const [regionPcode, setRegionPcode] = useState(project?.regionPcode ?? '');
  const [budgetXof, setBudgetXof] = useState<number>(project?.budgetXof ?? 0);
  const [rows, setRows] = useState<BeneficiaryDraft[]>(() => draftsOf(project));
  const types = useEnumOptions('assistanceType', ASSISTANCE_TYPES_BY_DIMENSION[dimension]);
  const readOnly = project ? !can('reintegrationCase.update') : !can('reintegrationCase.create');
  const beneficiaries = rows.map((r) => ({ ...(r.reintegrationCaseId ? { reintegrationCaseId: r.reintegrationCaseId } : { communityMemberName: r.communityMemberName.trim() }), sharePercent: r.sharePercent }));
  const save = useMutation({
    mutationFn: () =>
      project
        ? projectsApi.update(project.id, project.version, { name: name.trim(), budgetXof: Math.round(budgetXof), beneficiaries })
        : projectsApi.create({ id: newId(), name: name.trim(), level, dimension, type, regionPcode, budgetXof: Math.round(budgetXof), beneficiaries }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: reintegrationKeys.projects });
      void queryClient.invalidateQueries({ queryKey: reintegrationKeys.project(saved.id) });
      if (!project) void navigate(`/reintegration/projects/${saved.id}`, { replace: true });
    },
  });
  const complete = name.trim() !== '' && regionPcode !== '' && rows.every((r) => r.reintegrationCaseId || r.communityMemberName.trim()) && sharesValid(rows.map((r) => r.sharePercent));
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg">
        <Stack>
          <FormErrorAlert error={save.error} onReload={() => void queryClient.invalidateQueries({ queryKey: reintegrationKeys.project(project?.id ?? '') })} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('reintegration:projects.name')} required value={name} maxLength={200} onChange={(e) => setName(e.currentTarget.value)} readOnly={readOnly} error={fieldError(t, save.error, 'name')} />
            <NativeSelect label={t('reintegration:plan.level')} data={levels} value={level} onChange={(e) => setLevel(e.currentTarget.value === 'community' ? 'community' : 'collective')} disabled={Boolean(project) || readOnly} />
            <NativeSelect
              label={t('reintegration:plan.dimension')}
              data={dimensions}
              value={dimension}
              disabled={Boolean(project) || readOnly}
              onChange={(e) => {
                const d = e.currentTarget.value as AssistanceDimension;
                setDimension(d);
                setType(ASSISTANCE_TYPES_BY_DIMENSION[d][0]);
              }}
            />
            <NativeSelect label={t('reintegration:plan.type')} data={types} value={type} onChange={(e) => setType(e.currentTarget.value as AssistanceType)} disabled={Boolean(project) || readOnly} error={fieldError(t, save.error, 'type')} />
            <Select label={t('reintegration:newCase.region')} required searchable data={regions.options} value={regionPcode || null} onChange={(v) => setRegionPcode(v ?? '')} disabled={Boolean(project) || readOnly} error={fieldError(t, save.error, 'regionPcode')} />
            <NumberInput label={t('reintegration:projects.budget')} required value={budgetXof} onChange={(v) => setBudgetXof(typeof v === 'number' ? v : Number(v) || 0)} min={0} max={1_000_000_000} allowDecimal={false} thousandSeparator=" " readOnly={readOnly} error={fieldError(t, save.error, 'budgetXof')} />
          </SimpleGrid>
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <ShareEditor budgetXof={budgetXof} rows={rows} onChange={setRows} readOnly={readOnly} />
        {fieldError(t, save.error, 'beneficiaries') && <FormErrorAlert error={save.error} />}
      </Paper>
      {!readOnly && (
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!complete}>{t('reintegration:projects.save')}</Button>
        </Group>
      )}
    </Stack>
  );
}

/** The page of the project `:id`, or the new-project form. */
export default function ProjectPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const project = useQuery({ queryKey: reintegrationKeys.project(id ?? ''), queryFn: () => projectsApi.get(id ?? ''), enabled: Boolean(id) });
  const back = { to: '/reintegration/projects', label: t('reintegration:projects.title') };
  if (!id) {
    return (
      <>
        <PageHeader title={t('reintegration:projects.new')} back={back} />
        <ProjectForm project={undefined} />
      </>
    );
  }
  if (project.isPending) return <LoadingState />;
  if (project.isError) return <><PageHeader title={t('reintegration:projects.title')} back={back} /><ErrorState error={project.error} onRetry={() => void project.refetch()} /></>;
  return (
    <>
      <PageHeader title={project.data.name} description={t(`reintegration:enum.level.${project.data.level}`)} back={back} />
      <Stack gap="lg">
        <ProjectForm key={project.data.version} project={project.data} />
        <BudgetView project={project.data} />
      </Stack>
    </>
  );
}
