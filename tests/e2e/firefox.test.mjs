import { defineScenarios } from "./scenarios.mjs";

defineScenarios("firefox");
