// A chart card: the chart itself (ECharts, canvas) in a ChartFrame, which offers the picture (PNG)
// and the data it shows (CSV) for download, and the data as a table whose numbers link to the
// records behind them, so keyboard and screen-reader users reach everything the chart offers.
import { useEffect, useRef, type ReactNode } from 'react';
import { Box } from '@mantine/core';
import { echarts, type ECharts, type EChartsCoreOption } from './echarts';
import { ChartFrame } from './ChartFrame';
import type { ChartTable } from './csv';

/** What a click on a chart item says: the series and the category (or node) under the pointer. */
export interface ChartClick {
  seriesName?: string;
  name?: string;
  dataIndex?: number;
  data?: unknown;
}

interface EChartProps {
  title: string;
  description?: ReactNode;
  option: EChartsCoreOption;
  /** The data behind the chart, for the CSV download and the table view. */
  table: ChartTable;
  /** Where a cell of the table leads (the records behind that number); none when it is not a count. */
  cellLink?: (rowIndex: number, columnIndex: number) => string | undefined;
  onItemClick?: (click: ChartClick) => void;
  height?: number;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: ReactNode;
}

/** One chart with its PNG and CSV downloads and its data table. */
export function EChart({ title, description, option, table, cellLink, onItemClick, height = 320, empty }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onItemClick);

  useEffect(() => {
    clickRef.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const element = container.current;
    if (!element || empty) return undefined;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => clickRef.current?.(params as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [empty]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, empty]);

  const png = empty ? undefined : () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  return (
    <ChartFrame title={title} description={description} table={table} cellLink={cellLink} png={png}>
      {empty ?? <Box ref={container} h={height} role="img" aria-label={title} />}
    </ChartFrame>
  );
}
