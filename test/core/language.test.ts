// The English fast path of language identification must not claim other languages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage } from '../../lambdas/core/normalize/language';

const texts: Record<string, string> = {
  en: 'The ministers of the region met in Dushanbe on Friday and agreed that the next round of talks would be held in the spring. They said the talks were useful, and that the working group which was set up last year has been asked to report to them before the summit.',
  nl: 'De ministers van de regio kwamen vrijdag bijeen in Den Haag. Het overleg was volgens de minister nuttig, en de werkgroep die vorig jaar werd opgericht zal voor de top een rapport uitbrengen. Ook werd afgesproken dat de volgende ronde in het voorjaar plaatsvindt.',
  de: 'Die Minister der Region trafen sich am Freitag in Berlin und vereinbarten, dass die nächste Gesprächsrunde im Frühjahr stattfinden wird. Die Arbeitsgruppe, die im vergangenen Jahr eingerichtet wurde, soll vor dem Gipfel einen Bericht vorlegen, sagte der Sprecher.',
  fr: "Les ministres de la région se sont réunis vendredi à Paris et sont convenus que le prochain cycle de négociations aurait lieu au printemps. Le groupe de travail créé l'année dernière remettra son rapport avant le sommet, a indiqué le porte-parole.",
  es: 'Los ministros de la región se reunieron el viernes en Madrid y acordaron que la próxima ronda de conversaciones se celebrará en primavera. El grupo de trabajo creado el año pasado presentará su informe antes de la cumbre, dijo el portavoz.',
};

describe('language identification', () => {
  for (const [expected, text] of Object.entries(texts)) {
    it(`identifies ${expected}`, () => {
      assert.equal(detectLanguage(text, 100).language, expected);
    });
  }
  it('says nothing for text too short to tell', () => {
    assert.equal(detectLanguage('Minutes.', 100).language, null);
  });
});
