/** Front door of the province map: the geographic map (loaded on demand) with the tile grid as its fallback. */
export { ProvinceMap } from './ProvinceMap.tsx';
export { activityRegions, chosenRegions, MAP_FILL, PROVINCE_CODES, type MapRegion } from './mapModel.ts';
