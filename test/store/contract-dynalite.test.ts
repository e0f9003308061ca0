import { startDynalite } from '../../lib/local/emulators';
import { defineStoreContract } from '../support/store-contract';

defineStoreContract('dynalite', () => startDynalite());
