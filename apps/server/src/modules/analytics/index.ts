export { forecastDaily, mase, HORIZON, type Forecast, type ForecastPoint } from './forecast.ts';
export { detectSurges, type SurgeSignal } from './surge.ts';
