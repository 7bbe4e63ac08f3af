import { defineBigScenarios } from "./big-scenarios.mjs";

defineBigScenarios("chromium");
