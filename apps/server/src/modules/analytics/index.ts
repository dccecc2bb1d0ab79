export { forecastDaily, mase, HORIZON, type Forecast, type ForecastPoint } from './forecast.ts';
export { detectSurges, type SurgeSignal } from './surge.ts';
export { checkHour, hourlyBaseline, MIN_HISTORY_DAYS, type HourlyBaseline, type HourSignal } from './surge-hourly.ts';
