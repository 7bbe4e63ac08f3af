import { defineA11yScenarios } from "./a11y-scenarios.mjs";

defineA11yScenarios("firefox");
