import { defineClosingScenarios } from "./closing-scenarios.mjs";

defineClosingScenarios("chromium");
