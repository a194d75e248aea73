/** The engine as main holds it: its process's client, and the contract's commands as functions for menus and the tray. */
import type { FerryCommands } from '../../shared/api';
import type { EngineHost } from '../engine/host/start-engine-host';

export type AppEngine = EngineHost & FerryCommands;
