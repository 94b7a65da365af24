// Tests call the synchronous core directly, so the lazily loaded holiday calendar is loaded once up front.
import { loadHolidayLibrary } from "../src/core/schedule/holiday-library.js";

await loadHolidayLibrary();
