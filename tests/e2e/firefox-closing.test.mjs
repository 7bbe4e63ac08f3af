import { defineClosingScenarios } from "./closing-scenarios.mjs";

defineClosingScenarios("firefox");
