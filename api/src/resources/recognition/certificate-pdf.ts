import PDFDocument from 'pdfkit';

export interface CertificateText {
  schoolName: string;
  studentName: string;
  missionTitle: string;
  batchCode: string;
  points: number;
  issuedOn: string;
  code: string;
  verifyUrl: string;
}

/** A one-page landscape A4 certificate; resolves with the PDF bytes. */
export function certificatePdf(text: CertificateText): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 56, info: { Title: `Certificate ${text.code}`, Author: text.schoolName } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const { width, height } = doc.page;
    doc.lineWidth(3).strokeColor('#1d4ed8').rect(28, 28, width - 56, height - 56).stroke();
    doc.moveDown(2);
    doc.fillColor('#1e3a8a').font('Helvetica-Bold').fontSize(16).text(text.schoolName.toUpperCase(), { align: 'center', characterSpacing: 2 });
    doc.moveDown(1.5);
    doc.fillColor('#1b1f24').font('Helvetica').fontSize(34).text('Certificate of Completion', { align: 'center' });
    doc.moveDown(1.2);
    doc.fontSize(14).fillColor('#4a5360').text('This certifies that', { align: 'center' });
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').fontSize(28).fillColor('#1b1f24').text(text.studentName, { align: 'center' });
    doc.moveDown(0.6);
    doc.font('Helvetica').fontSize(14).fillColor('#4a5360').text('has completed the mission', { align: 'center' });
    doc.moveDown(0.4);
    doc.font('Helvetica-Bold').fontSize(20).fillColor('#1b1f24').text(text.missionTitle, { align: 'center' });
    doc.moveDown(0.4);
    doc.font('Helvetica').fontSize(13).fillColor('#4a5360').text(`Batch ${text.batchCode} · ${text.points} points · ${text.issuedOn}`, { align: 'center' });
    doc.fontSize(10).text(`Certificate ${text.code} · verify at ${text.verifyUrl}`, 56, height - 90, { align: 'center', width: width - 112 });
    doc.end();
  });
}
