import type HolidaysLibrary from "date-holidays";

/**
 * date-holidays carries ~1.5 MB of calendars and time-zone data, so it is loaded only for configs that name
 * `holidays`: edges call `loadHolidayLibrary()` (see `loadConfigAsync`) before the synchronous core uses it.
 * The module-level slot holds a library, never data or time, so the core stays pure.
 */
let library: typeof HolidaysLibrary | null = null;

export async function loadHolidayLibrary(): Promise<void> {
  library ??= (await import("date-holidays")).default;
}

export function isHolidayLibraryLoaded(): boolean {
  return library !== null;
}

export function holidayLibrary(): typeof HolidaysLibrary {
  if (!library)
    throw new Error("holidays are configured but the holiday calendar was not loaded (loadHolidayLibrary)");
  return library;
}
